import CCbc
import Foundation

/// CBC keeps global state (message handlers, signal handlers, statics in CbcMain1): it is not
/// thread-safe, and Swift Testing runs tests in parallel. Every use goes through this one lock.
private let cbcLock = NSLock()

/// Runs `MIPModel`s through CBC's C API.
enum CbcSolver {
    /// Solves `model` within `seconds` of wall time, starting from `start` (a feasible solution,
    /// one value per column) when given.
    /// `options` are CBC command-line parameters (name, value), applied in order.
    static func solve(
        _ model: MIPModel, start: [Double]?, seconds: Double, options: [(String, String)] = []
    ) -> MIPResult {
        cbcLock.lock()
        defer { cbcLock.unlock() }
        guard let cbc = Cbc_newModel() else {
            return MIPResult(
                solution: nil, objective: .infinity, bound: -.infinity, provenOptimal: false,
                provenInfeasible: false, hitTimeLimit: false, nodes: 0)
        }
        defer { Cbc_deleteModel(cbc) }
        // Silence before anything else: CBC's log goes to stdout.
        Cbc_setLogLevel(cbc, 0)
        load(model, into: cbc)
        Cbc_setObjSense(cbc, model.maximize ? -1 : 1)
        for column in 0..<model.columnCount where model.isInteger[column] {
            Cbc_setInteger(cbc, Int32(column))
        }
        Cbc_setParameter(cbc, "timeMode", "elapsed")
        for (name, value) in options { Cbc_setParameter(cbc, name, value) }
        Cbc_setMaximumSeconds(cbc, max(seconds, 0.001))
        if let start {
            let indices = (0..<Int32(start.count)).map { $0 }
            indices.withUnsafeBufferPointer { idx in
                start.withUnsafeBufferPointer { values in
                    Cbc_setMIPStartI(cbc, Int32(start.count), idx.baseAddress, values.baseAddress)
                }
            }
        }
        keepingSignalHandlers { Cbc_solve(cbc) }
        let columns = Int(Cbc_getNumCols(cbc))
        var solution: [Double]?
        if let best = Cbc_bestSolution(cbc), columns == model.columnCount {
            solution = Array(UnsafeBufferPointer(start: best, count: columns))
        }
        return MIPResult(
            solution: solution,
            objective: Cbc_getObjValue(cbc),
            bound: Cbc_getBestPossibleObjValue(cbc),
            provenOptimal: Cbc_isProvenOptimal(cbc) != 0,
            provenInfeasible: Cbc_isProvenInfeasible(cbc) != 0,
            hitTimeLimit: Cbc_isSecondsLimitReached(cbc) != 0,
            nodes: Int(Cbc_getNodeCount(cbc)))
    }

    /// Solves the linear relaxation of `model` (every column continuous): the bound and reduced
    /// costs for reduced-cost fixing, and fractional values to guide a heuristic.
    static func relax(_ model: MIPModel, seconds: Double) -> LPResult? {
        cbcLock.lock()
        defer { cbcLock.unlock() }
        guard let cbc = Cbc_newModel() else { return nil }
        defer { Cbc_deleteModel(cbc) }
        Cbc_setLogLevel(cbc, 0)
        load(model, into: cbc)
        Cbc_setObjSense(cbc, model.maximize ? -1 : 1)
        Cbc_setParameter(cbc, "timeMode", "elapsed")
        Cbc_setMaximumSeconds(cbc, max(seconds, 0.001))
        keepingSignalHandlers { Cbc_solve(cbc) }
        let columns = Int(Cbc_getNumCols(cbc))
        guard Cbc_isProvenOptimal(cbc) != 0, columns == model.columnCount,
            let values = Cbc_getColSolution(cbc), let reduced = Cbc_getReducedCost(cbc)
        else { return nil }
        return LPResult(
            objective: Cbc_getObjValue(cbc), values: Array(UnsafeBufferPointer(start: values, count: columns)),
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
    private static func load(_ model: MIPModel, into cbc: UnsafeMutableRawPointer) {
        let columns = model.columnCount
        var counts = [Int](repeating: 0, count: columns)
        for row in model.rows {
            for column in row.columns { counts[Int(column)] += 1 }
        }
        var starts = [CoinBigIndex](repeating: 0, count: columns + 1)
        for column in 0..<columns { starts[column + 1] = starts[column] + CoinBigIndex(counts[column]) }
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
        Cbc_loadProblem(
            cbc, Int32(columns), Int32(model.rows.count), starts, indices, values, model.lower, model.upper,
            model.objective, rowLower, rowUpper)
    }
}
