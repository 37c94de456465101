/// One organisation can stand behind several parts of a concept (two skill-group cells, two
/// infrastructures). Publishing the parts and their distinct total lets a reader compute the
/// overlap, sum − total, and each part's remainder, total − part; either being 1 to K − 1
/// organisations would make a small group public. So the parts' counts are shown only when the
/// overlap and every remainder are 0 or at least K.
enum OverlapRule {
    static func partsArePublishable(_ parts: [Int], distinct: Int, k: Int) -> Bool {
        func safe(_ count: Int) -> Bool { count == 0 || count >= k }
        return safe(parts.reduce(0, +) - distinct) && parts.allSatisfy { safe(distinct - $0) }
    }
}
