import Impact

/// The `?` page: keys, what realised and projected mean, and the rose's colour legend.
enum HelpLines {
    static func lines(tabs: Int) -> [StyledLine] {
        var lines = [
            StyledLine("Keys", .bold),
            StyledLine("  Tab / Shift-Tab     next / previous view: the fleet, then each device kind"),
            StyledLine("  1..\(tabs)                the fleet (1) or a kind"),
            StyledLine("  ↑ ↓  Enter          select an open work order, open its device; Esc goes back"),
            StyledLine("  d                   the view's devices: s sorts (orders, health, age), / filters"),
            StyledLine("  p                   pause the screen (data keeps arriving); ? this help; q quits"),
            StyledLine("Figures", .bold),
            StyledLine("  delta = smart case - conventional baseline over the same service time:"),
            StyledLine("  negative saves. realised: what happened (parts, trips, ICT, ended lives);"),
            StyledLine("  projected: production and renovations of running units, over assumed lives."),
            StyledLine("  The EUR single score is an internal decision aid: read it beside each category."),
            StyledLine("  'too early to judge': the service so far cannot tell the result from chance."),
            StyledLine("Rose classes (relative result)", .bold),
        ]
        var legend = StyledLine("  ")
        for rose in RoseClass.allCases {
            legend += (rose.label, .rose(rose))
            legend += rose == .better0 || rose == .worse50 ? "" : "  "
            if rose == .better0 || rose == .worse50 { lines.append(legend); legend = StyledLine("  ") }
        }
        lines.append(legend)
        return lines
    }
}
