import Foundation
import Testing

/// CBC is opened when a plan needs it, not when osaava starts: without it, only planning fails,
/// and it says what to install.
@Suite(.serialized) struct SolverLibraryEndToEndTests {
    /// What a machine without CBC looks like to osaava.
    let withoutCBC = ["OSAAVA_CBC_LIBRARY": "/nonexistent/osaava-test/libCbcSolver.so.3"]

    @Test func withoutTheSolverPlanningSaysWhatToInstallAndEverythingElseWorks() throws {
        // Given the demo database (made with CBC)
        let folder = try OsaavaBinary.temporaryFolder()
        let demo = try OsaavaBinary.run(["demo", "--catalog", OsaavaBinary.root.path], in: folder)
        try #require(demo.status == 0, "\(demo.stderr)")
        let database = folder.appendingPathComponent("osaava-demo.sqlite").path
        let catalog = ["--db", database, "--catalog", OsaavaBinary.root.path]

        // When osaava runs without CBC
        let version = try OsaavaBinary.run(["--version"], environment: withoutCBC)
        let analysis = try OsaavaBinary.run(
            ["analyze", "needs", "--by", "skill-group"] + catalog, environment: withoutCBC)
        let plan = try OsaavaBinary.run(["plan", "paths"] + catalog, environment: withoutCBC)

        // Then the version and the analysis answer, and the plan fails (exit 1) naming the library and the package
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("0."))
        #expect(analysis.status == 0, "\(analysis.stderr)")
        #expect(analysis.stdout.contains("skill-group"))
        #expect(plan.status == 1)
        #expect(plan.stdout.isEmpty)
        #expect(plan.stderr.contains("the COIN-OR CBC solver library is not installed"))
        #expect(plan.stderr.contains("/nonexistent/osaava-test/libCbcSolver.so.3"))
        #expect(plan.stderr.contains("run apt-get install coinor-libcbc-dev (scripts/demo does it)"))
    }
}
