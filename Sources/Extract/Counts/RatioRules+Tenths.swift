import JianbaoCore

/// Tenths (成数): N成 is N tenths, the everyday way a bulletin states a share.
///
///     三成 → 0.3    两成 → 0.2    十成 → 1    3成 / ３成 → 0.3    九成五 → 0.95    一成半 → 0.15
extension RatioRules {
    // 三成 / 超过三成的代表 (the approximation word stays outside) / 九成五以上 / 一成半.
    // Not 一成不变 (hidden as a set phrase), 三成员单位 or 一成立就 (tenths-exclusions.tsv),
    // 之一成为 ("one of"), 七八成 (a range, and a ratio has no high end), 2023成都 (past ten).
    static func tenths(_ number: ReadNumber, _ scalars: [Unicode.Scalar], _ lexicon: CountLexicon) -> Found? {
        let marker = number.range.upperBound
        guard marker < scalars.count, scalars[marker] == "成" else { return nil }
        guard let count = number.value, count > 0, count <= 10, !number.isBareScale, number.adjacentRange == nil else {
            return nil
        }
        let start = number.range.lowerBound
        // After 之 a numeral is "one of" (试点之一成为示范村); X分之Y was read before this rule.
        if start > 0, scalars[start - 1] == "之" { return nil }
        if lexicon.tenthsExclusions.longest(in: scalars, at: marker) != nil { return nil }

        // In hundredths, divided once: 0.9 + 0.05 would come out as 0.9500000000000001.
        var hundredths = count * 10
        var end = marker + 1
        if number.script == .han, count < 10, end < scalars.count, endsPhrase(at: end + 1, scalars, lexicon) {
            if let digit = HanNumeral.digit(scalars[end]), digit > 0 {
                hundredths += Double(digit)  // 九成五
                end += 1
            } else if scalars[end] == "半" {
                hundredths += 5  // 一成半: half a tenth
                end += 1
            }
        }
        return Found(rule: "tenths (N成)", range: start..<end, value: hundredths / 100)
    }

    /// Whether a digit or 半 right after 成 ends the phrase, so that it adds hundredths: it
    /// does before punctuation, 的 or an approximation word (九成五。 九成五的群众 九成五以上 一成半左右),
    /// and not where it starts a word of its own (七成一线职工, 三成五保户, 一成半年).
    static func endsPhrase(at position: Int, _ scalars: [Unicode.Scalar], _ lexicon: CountLexicon) -> Bool {
        guard position < scalars.count else { return true }
        let next = scalars[position]
        return !CountScanner.isHan(next) || next == "的" || lexicon.approximationsAfter.longest(in: scalars, at: position) != nil
            || lexicon.approximationsInner.longest(in: scalars, at: position) != nil
    }
}
