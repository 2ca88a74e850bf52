import JianbaoCore
import Testing

@Suite struct HanNumeralTests {
    @Test(arguments: [
        ("十二", 12), ("二十", 20), ("一百二十三", 123), ("两千零五十", 2050), ("三万五千", 35000),
        ("一亿两千万", 120_000_000), ("二〇二三", 2023), ("一九五四", 1954), ("十", 10), ("零", 0),
        ("三十四", 34), ("一万亿", 1_000_000_000_000),
    ])
    func reads(_ numeral: String, _ value: Int) {
        #expect(HanNumeral.value(numeral.unicodeScalars) == value)
    }

    @Test(arguments: ["亿亿亿亿", "十十", "百", "万", "", "三a"])
    func refusesMalformed(_ numeral: String) {
        #expect(HanNumeral.value(numeral.unicodeScalars) == nil)
    }

    @Test func neverOverflows() {
        let huge = String(repeating: "九", count: 400)
        #expect(HanNumeral.value(huge.unicodeScalars) == nil)
        #expect(HanNumeral.value("九千九百万亿亿".unicodeScalars) == nil)
    }
}
