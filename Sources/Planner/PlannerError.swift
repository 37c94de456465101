/// Everything the planner can refuse, each message quoting the value, naming the place and ending
/// with what to do next.
package enum PlannerError: Error, Equatable, CustomStringConvertible {
    /// A course cannot fit into any term.
    case courseLargerThanTerm(course: String, credits: Double, cap: Double, unit: String)
    /// The term cap itself is unusable.
    case invalidTermCredits(Double)
    /// The credit budget is unusable.
    case invalidMaxCredits(Double)
    /// The time limit is unusable.
    case invalidTimeLimit(Double)
    /// A course's credits are unusable (negative or not a number).
    case invalidCredits(course: String, credits: Double)
    /// A course names a prerequisite the catalogue does not have.
    case unknownPrerequisite(course: String, prerequisite: String)
    /// Prerequisites that require each other, in cycle order.
    case prerequisiteCycle([String])
    /// A need names a skill the catalogue does not have.
    case unknownSkill(String)
    /// A completed code is neither a course nor a skill of the catalogue.
    case unknownCompleted(String)
    /// A need's weight is unusable.
    case invalidPeople(skill: String, level: Int, people: Int)
    /// The numeric core was handed indices outside its problem.
    case malformedProblem(String)
    /// The MIP solver failed in a way that is not a time limit.
    case solverFailed(String)
    /// CBC's library could not be opened (each file name tried, and the loader's reason).
    case solverNotInstalled(tried: [String], reason: String)
    /// CBC's library opened but lacks a function the planner calls (another CBC version).
    case solverIncompatible(library: String, missing: String)

    package var description: String {
        switch self {
        case .courseLargerThanTerm(let course, let credits, let cap, let unit):
            return "course \"\(course)\" has \(Self.number(credits)) \(unit), more than the term cap of "
                + "\(Self.number(cap)) — raise --term-credits or split the course"
        case .invalidTermCredits(let value):
            return "term credits \(Self.number(value)) is not a positive number — give --term-credits a value "
                + "above 0 (e.g. 30 for full-time study)"
        case .invalidMaxCredits(let value):
            return "credit budget \(Self.number(value)) is not a positive number — give --max-ects a value above 0 "
                + "or leave it out"
        case .invalidTimeLimit(let value):
            return "time limit \(Self.number(value)) s is not a positive number — give --time-limit a value above 0"
        case .invalidCredits(let course, let credits):
            return "course \"\(course)\" has \(Self.number(credits)) credits — give it a credit value of 0 or more "
                + "in its curricula/ file"
        case .unknownPrerequisite(let course, let prerequisite):
            return "course \"\(course)\" requires \"\(prerequisite)\", which is not in the catalogue — add the "
                + "course to curricula/ or remove it from the prerequisites"
        case .prerequisiteCycle(let codes):
            let cycle = (codes + codes.prefix(1)).map { "\"\($0)\"" }.joined(separator: " → ")
            return "prerequisites form a cycle \(cycle) — remove one of these prerequisites in curricula/"
        case .unknownSkill(let skill):
            return "need skill \"\(skill)\" is not in the catalogue — fix the need or add the skill to surveys/"
        case .unknownCompleted(let code):
            return "completed \"\(code)\" is neither a course nor a skill of the catalogue — fix --completed "
                + "(course codes or skill codes, comma-separated)"
        case .invalidPeople(let skill, let level, let people):
            return "need (\(skill), level \(level)) has \(people) people — give each need 1 or more people"
        case .malformedProblem(let detail):
            return "planner problem is malformed: \(detail) — this is a bug in the caller, please report it"
        case .solverFailed(let detail):
            return "the MIP solver (CBC) failed: \(detail) — retry with a longer --time-limit or report the data"
        case .solverNotInstalled(let tried, let reason):
            let detail = reason.isEmpty ? tried.joined(separator: ", ") : reason
            return "the COIN-OR CBC solver library is not installed (\(detail)): run apt-get install "
                + "coinor-libcbc-dev (scripts/demo does it), or name the library in OSAAVA_CBC_LIBRARY"
        case .solverIncompatible(let library, let missing):
            return "the COIN-OR CBC solver library \(library) has no function \(missing): install CBC 2.10 "
                + "or newer (apt-get install coinor-libcbc-dev), or name that library in OSAAVA_CBC_LIBRARY"
        }
    }

    /// Numbers as a person writes them: no trailing ".0".
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }
}
