import Catalog
import Foundation
import Planner

/// The planner benchmark: reference instances in, a table out.
enum PlannerBench {
    struct Row {
        var name: String
        var courses: Int
        var needs: Int
        var solveSeconds: Double
        var reduceSeconds: Double
        var lpSeconds: Double
        var cbcSeconds: Double
        var orderSeconds: Double
        var totalSeconds: Double
        var cpuSeconds: Double
        var tieBreakSeconds: Double
        var optimum: Double
        var proven: Bool
        var valid: Bool
        var reference: Double
        var highsSeconds: Double
        var greedyGap: Double
        var terms: Int
        var lowerBound: Int
        var minimal: Bool
        var left: String
        var exact: Bool { proven && valid && abs(optimum - reference) < 1e-6 }
    }

    static let runs = 3

    /// Returns whether every instance was solved exactly.
    static func run(directory: URL, only: String? = nil) throws -> Bool {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("plan_") && $0.pathExtension == "json" }
            .filter { file in only.map { file.lastPathComponent.contains($0) } ?? true }
        guard !files.isEmpty else {
            throw BenchError(
                "no plan_*.json instance in \(directory.path) — give the folder of the reference instances")
        }
        var loaded: [(name: String, instance: ReferenceInstance)] = []
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent
            loaded.append((name, try ReferenceInstance.decode(Data(contentsOf: file))))
        }
        loaded.sort {
            ($0.instance.meta.nCourses, $0.instance.meta.nNeeds, $0.name)
                < ($1.instance.meta.nCourses, $1.instance.meta.nNeeds, $1.name)
        }
        print(legend)
        print(header)
        var rows: [Row] = []
        for (name, instance) in loaded {
            let row = try solve(name: name, instance)
            print(format(row))
            rows.append(row)
        }
        print(summary(rows))
        return rows.allSatisfy(\.exact)
    }

    private static func solve(name: String, _ instance: ReferenceInstance) throws -> Row {
        let catalog = instance.catalog()
        let request = instance.request(timeLimit: 60)
        var plans: [PathPlan] = []
        var cpu: [Double] = []
        for _ in 0..<runs {
            let before = cpuTime()
            plans.append(try PathPlanner.plan(request, catalog: catalog))
            cpu.append(cpuTime() - before)
        }
        let plan = plans[0]
        let optimum = instance.solution.optimumEcts
        return Row(
            name: name, courses: instance.meta.nCourses, needs: instance.meta.nNeeds,
            solveSeconds: median(plans.map(\.timings.cover)), reduceSeconds: median(plans.map(\.timings.reduce)),
            lpSeconds: median(plans.map(\.timings.lp)),
            cbcSeconds: median(plans.map(\.timings.solver)),
            orderSeconds: median(plans.map { $0.timings.terms + $0.timings.proposals }),
            totalSeconds: median(plans.map(\.timings.total)),
            cpuSeconds: median(cpu),
            tieBreakSeconds: median(plans.map(\.timings.tieBreak)), optimum: plan.totalCredits,
            proven: plan.status.isProvenOptimal && plans.allSatisfy { $0.totalCredits == plan.totalCredits },
            valid: isValid(plan, instance: instance, catalog: catalog),
            reference: optimum, highsSeconds: instance.timings.highs.solveMedian,
            greedyGap: plan.greedyCredits.map { ($0 - optimum) / optimum * 100 } ?? 0,
            terms: plan.terms.count, lowerBound: plan.lowerBoundTerms, minimal: plan.termsMinimal,
            left: "\(plan.reduction.itemsLeft)×\(plan.reduction.needsLeft)")
    }

    /// The plan covers every need and holds every chosen course's prerequisites, each in an earlier term.
    private static func isValid(_ plan: PathPlan, instance: ReferenceInstance, catalog: Catalog) -> Bool {
        let courses = plan.courses.compactMap { catalog.course($0) }
        guard courses.count == plan.courses.count else { return false }
        let covers = instance.needs.allSatisfy { need in
            courses.contains { $0.covers(SkillLevel(need.skill, need.level)) }
        }
        var term: [String: Int] = [:]
        for (t, codes) in plan.terms.enumerated() {
            for code in codes { term[code] = t }
        }
        let ordered = courses.allSatisfy { course in
            course.prerequisites.allSatisfy { p in (term[p] ?? .max) < (term[course.code] ?? -1) }
        }
        let fits = plan.terms.allSatisfy { codes in
            codes.compactMap { catalog.course($0).map(catalog.baseCredits) }.reduce(0, +) <= plan.termCredits + 1e-9
        }
        return covers && ordered && fits
    }

    /// CPU seconds of this process: unlike wall time, not inflated when other work shares the cores
    /// (the planner and CBC run on one thread).
    private static func cpuTime() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    /// Times are wall-clock medians in ms: `solve` is the minimum-credit cover (reductions, LP,
    /// CBC), split in the next three columns; `tie` the tie-break phase, `order` terms and
    /// proposals; `total` the whole plan, `cpu` its CPU time. `ratio` = solve / HiGHS.
    private static let columns: [(String, Int)] = [
        ("instance", 18), ("courses", 7), ("needs", 5), ("left", 8), ("solve", 7), ("reduce", 6), ("lp", 6),
        ("cbc", 6), ("tie", 7), ("order", 5), ("total", 7), ("cpu", 7), ("optimum", 7), ("proven", 6),
        ("ref", 5), ("HiGHS", 7), ("ratio", 5), ("greedy%", 7), ("terms", 9),
    ]

    private static let legend = """
        Times in ms, wall-clock medians of \(runs) runs. solve = minimum-credit cover (reduce + lp + cbc); \
        tie = tie-break phase; order = terms and proposals; total = whole plan, cpu = its CPU time; \
        left = items × needs after the reductions; ratio = solve / HiGHS; terms = used/lower bound.
        """

    private static var header: String {
        columns.map { pad($0.0, $0.1, left: $0.0 == "instance") }.joined(separator: " ")
    }

    private static func format(_ row: Row) -> String {
        let values = [
            row.name.replacingOccurrences(of: "plan_", with: ""), "\(row.courses)", "\(row.needs)", row.left,
            ms(row.solveSeconds), ms(row.reduceSeconds), ms(row.lpSeconds), ms(row.cbcSeconds),
            ms(row.tieBreakSeconds), ms(row.orderSeconds), ms(row.totalSeconds), ms(row.cpuSeconds),
            number(row.optimum), row.proven && row.valid ? "yes" : "NO", number(row.reference), ms(row.highsSeconds),
            String(format: "%.2f", row.solveSeconds / row.highsSeconds), String(format: "%.2f", row.greedyGap),
            "\(row.terms)/\(row.lowerBound)\(row.minimal ? " min" : "")",
        ]
        return zip(values, columns).map { pad($0, $1.1, left: $1.0 == "instance") }.joined(separator: " ")
            + (row.exact ? "" : "  <- NOT EXACT")
    }

    private static func summary(_ rows: [Row]) -> String {
        let exact = rows.filter(\.exact).count
        let bySize = Dictionary(grouping: rows, by: \.courses).keys.sorted().map { size in
            let group = rows.filter { $0.courses == size }
            let worst = group.map(\.solveSeconds).max() ?? 0
            let worstTotal = group.map(\.totalSeconds).max() ?? 0
            return "\(size) courses ≤ \(ms(worst)) ms (total ≤ \(ms(worstTotal)) ms)"
        }
        let minimal = rows.filter(\.minimal).count
        return "\(exact)/\(rows.count) exact and proven; terms minimal in \(minimal)/\(rows.count); "
            + bySize.joined(separator: "; ")
    }

    private static func ms(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }

    private static func pad(_ text: String, _ width: Int, left: Bool) -> String {
        let space = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + space : space + text
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
