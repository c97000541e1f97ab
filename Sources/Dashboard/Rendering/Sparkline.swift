/// Eight-level block sparkline of the latest values, scaled to their maximum.
public enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func line(_ values: [Double], width: Int) -> String {
        let shown = values.suffix(max(width, 0))
        let top = shown.max() ?? 0
        return String(shown.map { value in
            top > 0 ? levels[min(Int((max(value, 0) / top) * Double(levels.count - 1)), levels.count - 1)] : levels[0]
        })
    }
}
