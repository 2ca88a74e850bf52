extension SegmenterRun {
    /// A part is one of *several* plans in a file (SPEC, "Items"): a lone plan heading is the
    /// document's title, and its sections stand at the top.
    ///
    ///     濮阳县人民代表大会常务委员会 / 2023 年度工作要点 / 一、旗帜鲜明讲政治…
    ///     → 一 (not #1/一) when no second plan follows
    static func unwrappingSinglePart(_ roots: [ItemNode]) -> [ItemNode] {
        let parts = roots.filter { $0.kind == "part" }
        guard parts.count == 1, let part = parts.first else { return roots }
        return roots.flatMap { $0 === part ? $0.children : [$0] }
    }
}
