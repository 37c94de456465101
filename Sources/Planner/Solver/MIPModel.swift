/// A mixed-integer linear model in row form, built in a fixed order by the caller (CBC's result
/// among equal optima depends on column order, so callers add columns and rows sorted).
struct MIPModel {
    enum Sense: UInt8 {
        case lessOrEqual = 76  // "L"
        case greaterOrEqual = 71  // "G"
        case equal = 69  // "E"
    }

    struct Row {
        var columns: [Int32]
        var coefficients: [Double]
        var sense: Sense
        var rhs: Double
    }

    private(set) var objective: [Double] = []
    private(set) var lower: [Double] = []
    private(set) var upper: [Double] = []
    private(set) var isInteger: [Bool] = []
    private(set) var rows: [Row] = []
    /// true: maximise the objective.
    var maximize = false

    var columnCount: Int { objective.count }

    @discardableResult
    mutating func addColumn(cost: Double, lower: Double = 0, upper: Double = 1, integer: Bool = true) -> Int {
        objective.append(cost)
        self.lower.append(lower)
        self.upper.append(upper)
        isInteger.append(integer)
        return objective.count - 1
    }

    mutating func addRow(_ terms: [(column: Int, coefficient: Double)], _ sense: Sense, _ rhs: Double) {
        rows.append(
            Row(
                columns: terms.map { Int32($0.column) }, coefficients: terms.map(\.coefficient), sense: sense,
                rhs: rhs))
    }
}

/// What CBC returned.
struct MIPResult {
    /// The best integer solution found, if any.
    var solution: [Double]?
    var objective: Double
    /// CBC's best bound on the optimum (a lower bound when minimising).
    var bound: Double
    var provenOptimal: Bool
    var provenInfeasible: Bool
    var hitTimeLimit: Bool
    var nodes: Int
}

/// An optimal solution of a linear relaxation.
struct LPResult {
    var objective: Double
    var values: [Double]
    var reducedCosts: [Double]
}
