import JianbaoCore
import Normalize

/// Counts and ratios (SPEC, "Counts").
///
///     共收集近2000个项目 → count 2000, under, unit 个, object 项目
///     占全省1/5         → ratio 0.2
///
/// One left-to-right pass over the working scalars. At every numeral the ratio rules are tried
/// first (`RatioRules`), then the count rules (`CountScanner`): find the parts of a count (a
/// span and its kind), then resolve them to a typed `Count`. Positions inside quoted names,
/// titles and excluded words (`HiddenSpans`) never start one.
public struct CountExtractor: Sendable {
    public init() {}

    /// Counts and ratios in the working text, with source spans; `item` is left nil.
    public func extract(_ text: WorkingText) -> (counts: [Count], ratios: [Ratio], diagnostics: [Diagnostic]) {
        let scanner = CountScanner(text: text, lexicon: .shared)
        scanner.run()
        return (scanner.counts, scanner.ratios, scanner.diagnostics)
    }
}
