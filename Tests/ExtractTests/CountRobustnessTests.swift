import Extract
import Foundation
import JianbaoCore
import Normalize
import Testing

/// Inputs no bulletin contains but a batch run may meet: the extractor never traps, every span
/// slices the source, and the time grows linearly with the input.
@Suite struct CountRobustnessTests {
    static func extract(_ input: String) -> (source: SourceText, counts: [Count], ratios: [Ratio]) {
        let source = SourceText(input)
        let found = CountExtractor().extract(Normalizer().normalize(source))
        return (source, found.counts, found.ratios)
    }

    @Test(arguments: [
        String(repeating: "9", count: 10_000) + "个站点",
        String(repeating: "9", count: 10_000) + ".5万元",
        "1," + String(repeating: "999,", count: 3_000) + "999人",
        "亿亿亿亿人", "万万万万万元", String(repeating: "九", count: 5_000) + "个",
        String(repeating: "一", count: 10_000), String(repeating: "%", count: 10_000),
        String(repeating: "“", count: 10_000) + "3个", String(repeating: "《", count: 10_000) + "3个",
        String(repeating: "3/", count: 5_000), String(repeating: "三分之", count: 3_000),
        String(repeating: "3至", count: 5_000) + "5个", "0/0", "0%", "零分之一", "百分之", "3倍", "第",
        String(repeating: "至少", count: 5_000) + "3件", "近", "近近近3人", "3万万万万万万元",
        String(repeating: "3个", count: 5_000),
    ])
    func neverTraps(_ input: String) {
        let found = Self.extract(input)
        for count in found.counts {
            #expect(count.span.end <= found.source.count && count.span.start < count.span.end)
            #expect(count.value.isFinite && count.value >= 0)
        }
        for ratio in found.ratios {
            #expect(ratio.span.end <= found.source.count)
            #expect(ratio.value.isFinite)
        }
    }

    @Test func tenThousandDigitsGiveNoCount() {
        #expect(Self.extract(String(repeating: "1", count: 10_000) + "个站点").counts.isEmpty)
    }

    @Test func spansSliceTheSourceAcrossRepairedLines() {
        let found = Self.extract("收集意见建议2100多\n条。　同比增长３０％。")
        #expect(found.counts.map { found.source.slice($0.span) } == ["2100多\n条"])
        #expect(found.ratios.map { found.source.slice($0.span) } == ["３０％"])
    }

    @Test func timeGrowsLinearly() {
        let paragraph = "全市共建成代表之家35个，走访近千家企业、92个村，“三个一批”项目完成投资20.49亿元，占1/5。\n"
        func seconds(_ copies: Int) -> Double {
            let input = String(repeating: paragraph, count: copies)
            let start = Date()
            _ = Self.extract(input)
            return Date().timeIntervalSince(start)
        }
        _ = seconds(100)
        let small = seconds(1_000)
        let large = seconds(8_000)
        print("counts: 1 000 paragraphs \(small)s, 8 000 paragraphs \(large)s")
        #expect(large < max(small, 0.01) * 24, "8× the input took \(large / small)× the time")
    }
}
