import GRDB

/// The stored rows that rollup cells are decoded from, wherever they are read: through the
/// store's GRDB connection, or through `SQLiteReader` (a small `analyze`'s fast path). Both run
/// the same statements; `RollupStore.cells` decodes either.
protocol RollupRows {
    /// Every `need_code` row, in dimension and code order.
    func forEachCode(_ body: (_ dimension: String, _ code: Int, _ value: String) -> Void) throws
    /// The `need_rollup` rows (people by horizon and priority) of the cells in `cells`.
    func forEachDemand(
        in cells: Range<Int64>, _ body: (_ cell: Int64, _ horizon: Int, _ priority: Int, _ people: Int) -> Void
    ) throws
    /// The `need_rollup_cell` rows (distinct organisations) of the cells in `cells`.
    func forEachCount(in cells: Range<Int64>, _ body: (_ cell: Int64, _ organisations: Int) -> Void) throws
}

enum RollupRowsSQL {
    static let codes = "SELECT dimension, code, value FROM need_code ORDER BY dimension, code"
    static let demand = "SELECT cell, horizon, priority, people FROM need_rollup WHERE cell >= ? AND cell < ?"
    static let counts = "SELECT cell, organisations FROM need_rollup_cell WHERE cell >= ? AND cell < ?"
}

extension Database: RollupRows {
    func forEachCode(_ body: (String, Int, String) -> Void) throws {
        let rows = try Row.fetchCursor(self, sql: RollupRowsSQL.codes)
        while let row = try rows.next() { body(row[0], row[1], row[2]) }
    }

    func forEachDemand(in cells: Range<Int64>, _ body: (Int64, Int, Int, Int) -> Void) throws {
        let rows = try Row.fetchCursor(
            self, sql: RollupRowsSQL.demand, arguments: [cells.lowerBound, cells.upperBound])
        while let row = try rows.next() { body(row[0], row[1], row[2], row[3]) }
    }

    func forEachCount(in cells: Range<Int64>, _ body: (Int64, Int) -> Void) throws {
        let rows = try Row.fetchCursor(
            self, sql: RollupRowsSQL.counts, arguments: [cells.lowerBound, cells.upperBound])
        while let row = try rows.next() { body(row[0], row[1]) }
    }
}

extension SQLiteReader: RollupRows {
    func forEachCode(_ body: (String, Int, String) -> Void) throws {
        try forEachRow(RollupRowsSQL.codes) { row in body(row.text(0), row.int(1), row.text(2)) }
    }

    func forEachDemand(in cells: Range<Int64>, _ body: (Int64, Int, Int, Int) -> Void) throws {
        try forEachRow(RollupRowsSQL.demand, [cells.lowerBound, cells.upperBound]) { row in
            body(Int64(row.int(0)), row.int(1), row.int(2), row.int(3))
        }
    }

    func forEachCount(in cells: Range<Int64>, _ body: (Int64, Int) -> Void) throws {
        try forEachRow(RollupRowsSQL.counts, [cells.lowerBound, cells.upperBound]) { row in
            body(Int64(row.int(0)), row.int(1))
        }
    }
}
