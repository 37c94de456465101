import ArgumentParser

package struct OsaavaCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "osaava",
        abstract: "Competence-needs surveys, analysis and education-path planning for regional ecosystems.",
        version: "0.1.0"
    )

    package init() {}
}
