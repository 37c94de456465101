/// Complementary suppression. A line is a set of cells whose sum is published as another cell
/// (its margin): within a table, the cells that differ in one dimension only, with the total
/// over that dimension; across tables, e.g. the skills of a group with the group's national total.
/// When the margin is published and exactly one cell of the line is suppressed, that cell =
/// margin − the others; when the margin is suppressed and every cell published, the margin = their
/// sum: either way a (further) cell of the line, the smallest, is suppressed too. Repeated
/// until every line is safe, since each new suppression can expose a cell in a crossing line.
enum Suppressor {
    struct Line {
        var margin: Int
        var members: [Int]
    }

    static func protect(_ cells: inout [NeedsCell], dimensions: Int) {
        protect(&cells, lines: lines(cells, dimensions: dimensions))
    }

    /// The lines of one table whose cells start at `offset` in a joint list.
    static func lines(_ cells: [NeedsCell], dimensions: Int, offset: Int = 0) -> [Line] {
        guard dimensions > 0 else { return [] }
        // Keyed by text (`CellKey`), not by `[String?]`.
        var position: [String: Int] = [:]
        for (index, cell) in cells.enumerated() { position[CellKey.text(cell.keys)] = index + offset }
        var lines: [Line] = []
        for dimension in 0..<dimensions {
            var members: [String: [Int]] = [:]
            for (index, cell) in cells.enumerated() where cell.keys[dimension] != nil {
                var key = cell.keys
                key[dimension] = nil
                members[CellKey.text(key), default: []].append(index + offset)
            }
            for (key, indices) in members {
                guard let margin = position[key] else { continue }
                lines.append(Line(margin: margin, members: indices.sorted()))
            }
        }
        return lines
    }

    static func protect(_ cells: inout [NeedsCell], lines: [Line]) {
        let lines = lines.sorted { ($0.margin, $0.members.first ?? 0) < ($1.margin, $1.members.first ?? 0) }
        var changed = true
        while changed {
            changed = false
            for line in lines {
                // The margin is the sum of its members: exactly one hidden entry of the line (a member,
                // or the margin itself when every member is published) can be recomputed.
                let marginHidden = cells[line.margin].isSuppressed
                let hidden = line.members.filter { cells[$0].isSuppressed }
                guard hidden.count + (marginHidden ? 1 : 0) == 1 else { continue }
                // Hide the smallest published cell with organisations in it; a true zero reveals nothing
                // about the hidden cell only if it is published, so it is the last resort.
                let candidates = line.members.filter { !cells[$0].isSuppressed }
                let pick =
                    candidates.filter { cells[$0].respondents > 0 }
                    .min {
                        (cells[$0].people, cells[$0].keys.description) < (cells[$1].people, cells[$1].keys.description)
                    }
                    ?? candidates.first
                if let pick {
                    cells[pick].suppression = .complementary
                } else if !marginHidden {
                    cells[line.margin].suppression = .complementary
                } else {
                    continue
                }
                changed = true
            }
        }
    }
}
