import Analysis
import Store

/// The current needs coded from the store's packs (28 bytes a need), all rounds or one: what the
/// report and the plans read once, instead of a record of strings per need.
enum CurrentNeeds {
    static func coded(_ store: ResponseStore, round: String?) throws -> CodedRecords {
        let all = try store.scanNeeds { codebook, scan in try CodedRecords(codebook: codebook, scan: scan) }
        return round.map(all.filtered(round:)) ?? all
    }
}
