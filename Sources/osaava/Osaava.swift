import ArgumentParser
import OsaavaCLI

@main enum Osaava {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // The analyze commands' common forms skip ArgumentParser's start (AnalyzeFastPath).
        guard let request = AnalyzeFastPath.request(arguments) else { return OsaavaCommand.main() }
        do {
            try request.run()
        } catch {
            OsaavaCommand.exit(withError: error)
        }
    }
}
