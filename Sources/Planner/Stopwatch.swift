/// Wall-clock time of the phases of a plan (monotonic, unaffected by clock changes).
struct Stopwatch {
    private let start: ContinuousClock.Instant
    private var last: ContinuousClock.Instant

    init() {
        start = ContinuousClock.now
        last = start
    }

    /// Seconds since the stopwatch started.
    var elapsed: Double { Self.seconds(ContinuousClock.now - start) }

    /// Seconds since the previous lap (or the start).
    mutating func lap() -> Double {
        let now = ContinuousClock.now
        defer { last = now }
        return Self.seconds(now - last)
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
