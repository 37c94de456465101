import Testing

@testable import Planner

/// CBC opened at the first solve instead of at every start of osaava.
@Suite struct CbcLibraryTests {
    /// min 3x + 2y + 4z subject to x + y ≥ 1, y + z ≥ 1, x + z ≥ 1 (binary): two of the three, the
    /// cheapest pair being x and y (cost 5).
    static var triangle: MIPModel {
        var model = MIPModel()
        for cost in [3.0, 2, 4] { model.addColumn(cost: cost) }
        model.addRow([(0, 1), (1, 1)], .greaterOrEqual, 1)
        model.addRow([(1, 1), (2, 1)], .greaterOrEqual, 1)
        model.addRow([(0, 1), (2, 1)], .greaterOrEqual, 1)
        return model
    }

    @Test func aModelIsSolvedThroughTheLibraryOpenedOnFirstUse() throws {
        // Given a small cover model and the library of this process
        // When it is solved and its relaxation too
        let result = try CbcSolver.solve(Self.triangle, start: nil, seconds: 10)
        let relaxation = try #require(try CbcSolver.relax(Self.triangle, seconds: 10))

        // Then CBC proves the cheapest pair optimal, and the relaxation bounds it from below
        #expect(result.provenOptimal)
        #expect(result.objective == 5)
        #expect(result.solution.map { $0.map { $0 > 0.5 } } == [true, true, false])
        #expect(relaxation.objective <= 5 + 1e-9)
        #expect(relaxation.objective >= 4.5 - 1e-9)
    }

    @Test func aMissingLibraryIsReportedWithWhatToInstall() {
        // Given a library path where there is none
        let path = "/nonexistent/osaava-test/libCbcSolver.so.3"

        // When it is opened
        let loaded = CbcLibrary.load(candidates: [path])

        // Then the error names the file, the loader's reason and the package to install
        guard case .failure(let error) = loaded, case .solverNotInstalled(let tried, let reason) = error else {
            Issue.record("a library that does not exist was opened, or refused for another reason")
            return
        }
        #expect(tried == [path])
        #expect(reason.contains("No such file"))
        #expect(error.description.hasPrefix("the COIN-OR CBC solver library is not installed ("))
        #expect(error.description.contains(path))
        #expect(error.description.contains("run apt-get install coinor-libcbc-dev (scripts/demo does it)"))
    }

    @Test func aSolveWithoutTheLibraryThrowsInsteadOfCrashing() {
        // Given no CBC library
        let missing = CbcLibrary.load(candidates: ["/nonexistent/osaava-test/libCbcSolver.so"])

        // When a model is solved and relaxed with it
        // Then both throw the install hint
        #expect(throws: PlannerError.self) {
            try CbcSolver.solve(Self.triangle, start: nil, seconds: 1, library: missing)
        }
        do {
            _ = try CbcSolver.relax(Self.triangle, seconds: 1, library: missing)
            Issue.record("the relaxation ran without a solver")
        } catch {
            #expect(error.description.contains("coinor-libcbc-dev"))
        }
    }

    @Test func aLibraryWithoutCbcsFunctionsIsCalledIncompatible() {
        // Given a library that exists but is not CBC (zlib, which every osaava process has)
        // When it is opened as CBC
        let loaded = CbcLibrary.load(candidates: ["libz.so.1"])

        // Then the error names the library and the first function it lacks
        #expect(throws: PlannerError.solverIncompatible(library: "libz.so.1", missing: "Cbc_newModel")) {
            try loaded.get()
        }
    }

    @Test func theOverrideIsTheOnlyLibraryTried() {
        // Given OSAAVA_CBC_LIBRARY set, empty, or unset
        // Then only the named library is tried when it is set, else the installed CBC's names
        #expect(CbcLibrary.candidates(override: "/opt/cbc/libCbcSolver.so") == ["/opt/cbc/libCbcSolver.so"])
        #expect(CbcLibrary.candidates(override: "") == CbcLibrary.candidates(override: nil))
        #expect(CbcLibrary.candidates(override: nil).contains { $0.hasPrefix("libCbcSolver") })
    }
}
