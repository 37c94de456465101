import Catalog
import Foundation
import Planner

// `osaava-bench planner DIR [NAME-PART]`: solves every reference instance in DIR (those whose
// name contains NAME-PART when given) (median of 3 runs), checks each result against the file's proven optimum, and prints one table row per instance.
// Exit status 1 when any instance is not solved exactly (or cannot be read), 64 on a usage error.

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.first == "planner", arguments.count <= 3 else {
    FileHandle.standardError.write(Data("usage: osaava-bench planner [DIR [NAME-PART]]\n".utf8))
    exit(64)
}
let directory = URL(fileURLWithPath: arguments.count >= 2 ? arguments[1] : "../shared/bench/planner")
let only = arguments.count == 3 ? arguments[2] : nil
do {
    let exact = try PlannerBench.run(directory: directory, only: only)
    exit(exact ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("osaava-bench: \(error)\n".utf8))
    exit(1)
}
