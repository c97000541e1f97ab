/// A terminal's size in character cells.
public struct ScreenSize: Sendable, Equatable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The smallest screen the layout is made for.
    public static let minimum = ScreenSize(columns: 80, rows: 24)
}
