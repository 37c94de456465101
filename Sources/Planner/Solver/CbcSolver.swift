import CCbcLazy
import Foundation

/// CBC keeps global state (message handlers, signal handlers, statics in CbcMain1): it is not
/// thread-safe, and Swift Testing runs tests in parallel. Every use goes through this one lock.
private let cbcLock = NSLock()

/// Runs `MIPModel`s through CBC's C API, opened on first use (`CbcLibrary`).
enum CbcSolver {
    /// Solves `model` within `seconds` of wall time, starting from `start` (a feasible solution,
    /// one value per column) when given.
    /// `options` are CBC command-line parameters (name, value), applied in order.
    /// `library` is the process's CBC unless a caller (a test) hands another.
    static func solve(
        _ model: MIPModel, start: [Double]?, seconds: Double, options: [(String, String)] = [],
        library: Result<CbcLibrary, PlannerError> = CbcLibrary.shared
    ) throws(PlannerError) -> MIPResult {
        let cbc = try library.get().api
        cbcLock.lock()
        defer { cbcLock.unlock() }
        guard let handle = cbc.newModel() else {
            return MIPResult(
                solution: nil, objective: .infinity, bound: -.infinity, provenOptimal: false,
                provenInfeasible: false, hitTimeLimit: false, nodes: 0)
        }
        defer { cbc.deleteModel(handle) }
        // Silence before anything else: CBC's log goes to stdout.
        cbc.setLogLevel(handle, 0)
        load(model, into: handle, cbc)
        cbc.setObjSense(handle, model.maximize ? -1 : 1)
        for column in 0..<model.columnCount where model.isInteger[column] {
            cbc.setInteger(handle, Int32(column))
        }
        cbc.setParameter(handle, "timeMode", "elapsed")
        for (name, value) in options { cbc.setParameter(handle, name, value) }
        cbc.setMaximumSeconds(handle, max(seconds, 0.001))
        if let start {
            let columns = (0..<Int32(start.count)).map { $0 }
            cbc.setMIPStartI(handle, Int32(start.count), columns, start)
        }
        keepingSignalHandlers { _ = cbc.solve(handle) }
        let columns = Int(cbc.getNumCols(handle))
        var solution: [Double]?
        if let best = cbc.bestSolution(handle), columns == model.columnCount {
            solution = Array(UnsafeBufferPointer(start: best, count: columns))
        }
        return MIPResult(
            solution: solution,
            objective: cbc.getObjValue(handle),
            bound: cbc.getBestPossibleObjValue(handle),
            provenOptimal: cbc.isProvenOptimal(handle) != 0,
            provenInfeasible: cbc.isProvenInfeasible(handle) != 0,
            hitTimeLimit: cbc.isSecondsLimitReached(handle) != 0,
            nodes: Int(cbc.getNodeCount(handle)))
    }

    /// Solves the linear relaxation of `model` (every column continuous): the bound and reduced
    /// costs for reduced-cost fixing, and fractional values to guide a heuristic.
    static func relax(
        _ model: MIPModel, seconds: Double, library: Result<CbcLibrary, PlannerError> = CbcLibrary.shared
    ) throws(PlannerError) -> LPResult? {
        let cbc = try library.get().api
        cbcLock.lock()
        defer { cbcLock.unlock() }
        guard let handle = cbc.newModel() else { return nil }
        defer { cbc.deleteModel(handle) }
        cbc.setLogLevel(handle, 0)
        load(model, into: handle, cbc)
        cbc.setObjSense(handle, model.maximize ? -1 : 1)
        cbc.setParameter(handle, "timeMode", "elapsed")
        cbc.setMaximumSeconds(handle, max(seconds, 0.001))
        keepingSignalHandlers { _ = cbc.solve(handle) }
        let columns = Int(cbc.getNumCols(handle))
        guard cbc.isProvenOptimal(handle) != 0, columns == model.columnCount,
            let values = cbc.getColSolution(handle), let reduced = cbc.getReducedCost(handle)
        else { return nil }
        return LPResult(
            objective: cbc.getObjValue(handle), values: Array(UnsafeBufferPointer(start: values, count: columns)),
            reducedCosts: Array(UnsafeBufferPointer(start: reduced, count: columns)))
    }

    /// CBC's solver loop installs its own SIGINT handler (to stop the search on Ctrl-C); the
    /// command line needs its own (keep the draft, exit 130), so it is put back afterwards.
    private static func keepingSignalHandlers(_ body: () -> Void) {
        var saved = sigaction()
        sigaction(SIGINT, nil, &saved)
        defer { sigaction(SIGINT, &saved, nil) }
        body()
    }

    /// Loads the model column-wise in one call (faster than row-by-row additions).
    private static func load(_ model: MIPModel, into handle: UnsafeMutableRawPointer, _ cbc: OsaavaCbcApi) {
        let columns = model.columnCount
        var counts = [Int](repeating: 0, count: columns)
        for row in model.rows {
            for column in row.columns { counts[Int(column)] += 1 }
        }
        var starts = [Int32](repeating: 0, count: columns + 1)
        for column in 0..<columns { starts[column + 1] = starts[column] + Int32(counts[column]) }
        var next = starts.dropLast().map { Int($0) }
        let nonzeros = Int(starts[columns])
        var indices = [Int32](repeating: 0, count: nonzeros)
        var values = [Double](repeating: 0, count: nonzeros)
        var rowLower = [Double](repeating: 0, count: model.rows.count)
        var rowUpper = [Double](repeating: 0, count: model.rows.count)
        for (r, row) in model.rows.enumerated() {
            for (column, coefficient) in zip(row.columns, row.coefficients) {
                let slot = next[Int(column)]
                indices[slot] = Int32(r)
                values[slot] = coefficient
                next[Int(column)] += 1
            }
            switch row.sense {
            case .lessOrEqual:
                rowLower[r] = -Double.greatestFiniteMagnitude
                rowUpper[r] = row.rhs
            case .greaterOrEqual:
                rowLower[r] = row.rhs
                rowUpper[r] = Double.greatestFiniteMagnitude
            case .equal:
                rowLower[r] = row.rhs
                rowUpper[r] = row.rhs
            }
        }
        cbc.loadProblem(
            handle, Int32(columns), Int32(model.rows.count), starts, indices, values, model.lower, model.upper,
            model.objective, rowLower, rowUpper)
    }
}
