/// Reduced-cost fixing from an optimal LP relaxation and a known cover.
///
/// Let z be the LP optimum, y an optimal dual and d = c − Aᵀy the reduced costs (d_j > 0 only at
/// x_j = 0, d_j < 0 only at x_j = 1). For every integer solution x, weak duality gives
/// c·x ≥ z + Σ_{d_j>0} d_j·x_j + Σ_{d_j<0} |d_j|·(1 − x_j). So with U the cost of a known cover
/// (U ≥ the optimum): an item with d_i > U − z appears in no solution of cost ≤ U, hence in no
/// optimal one; an item with −d_i > U − z appears in every one. Both keep every optimal solution
/// (lexicographic-safe), and the known cover itself (cost U) survives both rules. A small tolerance
/// absorbs the LP solver's floating-point error.
enum ReducedCostFixing {
    struct Fixes {
        var excluded: [Int] = []
        var included: [Int] = []
    }

    /// `columns[k]` is the item of LP column k; `upperBound` is a cover's cost over the same columns.
    static func fixes(columns: [Int], lp: LPResult, upperBound: Int) -> Fixes {
        let gap = Double(upperBound) - lp.objective
        let tolerance = 1e-6 * max(1, abs(Double(upperBound)))
        var fixes = Fixes()
        for (k, item) in columns.enumerated() {
            let reduced = lp.reducedCosts[k]
            if reduced > gap + tolerance {
                fixes.excluded.append(item)
            } else if -reduced > gap + tolerance {
                fixes.included.append(item)
            }
        }
        return fixes
    }
}
