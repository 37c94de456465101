import Analysis
import Catalog
import Foundation
import Store

// `osaava-analysis-bench DB CATALOG-DIR [RUNS]`: times the analysis's library calls in-process
// (no process start, no catalogue parsing), median of RUNS: the steering report's two tables
// from the maintained rollups, analyze needs by region, skill and horizon from the rollups and
// from a full scan. Used by scripts/bench analysis; prints "name milliseconds" lines.

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, arguments.count <= 3 else {
    FileHandle.standardError.write(Data("usage: osaava-analysis-bench DB CATALOG-DIR [RUNS]\n".utf8))
    exit(64)
}
let runs = arguments.count == 3 ? max(1, Int(arguments[2]) ?? 5) : 5

/// The catalogue's files, as the CLI reads them.
func catalogFiles(_ root: URL) throws -> [CatalogFile] {
    var files: [CatalogFile] = []
    for folder in ["surveys", "curricula"] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
        for case let relative as String in walker where relative.hasSuffix(".yaml") {
            files.append(
                CatalogFile(
                    path: folder + "/" + relative, data: try Data(contentsOf: base.appendingPathComponent(relative))))
        }
    }
    return files.sorted { $0.path < $1.path }
}

/// The median time of `body` in milliseconds.
func median(_ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return times.sorted()[times.count / 2]
}

do {
    let catalog = try CatalogLoader.load(try catalogFiles(URL(fileURLWithPath: arguments[1])))
    let store = try ResponseStore.open(path: arguments[0])
    let analysis = NeedsAnalysis(catalog: catalog)
    let definition = analysis.rollupDefinition
    let k = catalog.settings.minRespondents
    var published = 0
    let steering = try median {
        let cells = try store.rollupCells(definition, groupings: analysis.steeringGroupings)
        let tables = analysis.steeringTables(rollups: cells, minRespondents: k)
        published = tables.byGroupAndRegion.cells.count + tables.bySkill.cells.count
    }
    let query = NeedsQuery(by: [.region, .skill, .horizon], minRespondents: k)
    let groupings = analysis.rollupGroupings(for: query) ?? []
    let rollups = try median {
        _ = analysis.table(rollups: try store.rollupCells(definition, groupings: groupings), query: query)
    }
    let scan = try median {
        _ = try store.scanNeeds { codebook, scan in try analysis.table(codebook: codebook, query: query, scan: scan) }
    }
    print("steering-tables-rollups \(String(format: "%.2f", steering)) (\(published) cells)")
    print("needs-region-skill-horizon-rollups \(String(format: "%.2f", rollups))")
    print("needs-region-skill-horizon-scan \(String(format: "%.2f", scan))")
} catch {
    FileHandle.standardError.write(Data("osaava-analysis-bench: \(error)\n".utf8))
    exit(1)
}
