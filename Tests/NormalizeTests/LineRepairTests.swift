import JianbaoCore
import Normalize
import Testing

/// The line breaks PDF extraction leaves inside a sentence or a heading are removed, and the
/// ones that separate blocks are kept (Sources/Normalize/LineRepair.swift).
@Suite struct LineRepairTests {
    func repaired(_ input: String) -> [String] {
        let working = Normalizer().normalize(SourceText(input))
        return working.lines().map(working.string).filter { !$0.isEmpty }
    }

    @Test func markerAloneJoinsItsText() {
        #expect(repaired("一、\n加强学习\n二、\n强化监督") == ["一、加强学习", "二、强化监督"])
        #expect(repaired("1.加强学习\n\n2\n\n.强化监督") == ["1.加强学习", "2.强化监督"])
    }

    @Test func clauseBrokenMidSentence() {
        #expect(repaired("一是深入学习\n宪法。二是学习监督法。") == ["一是深入学习宪法。二是学习监督法。"])
    }

    @Test func wordBrokenBeforeAOneCharacterClause() {
        #expect(
            repaired("今年是全国人民代表大会成立70周\n\n年，为进一步加强和改进代表工作。")
                == ["今年是全国人民代表大会成立70周年，为进一步加强和改进代表工作。"])
    }

    @Test func tableRowsStayApart() {
        let rows = ["| 3月 | 1. 审议通过工作要点，听取审议报告 |", "| 4月 | 1. 听取审议县政府关于信访工作情况的报告，并测评 |"]
        #expect(repaired(rows.joined(separator: "\n")) == rows)
    }

    @Test func bylineAndCreditCloseTheirBlock() {
        #expect(
            repaired("每个社区都有了养老服务设施，老人们很满意。（本报记者 蔡文瑞）\n\n宝丰：民生实事项目票决彰显民生温度")
                == ["每个社区都有了养老服务设施，老人们很满意。（本报记者 蔡文瑞）", "宝丰：民生实事项目票决彰显民生温度"])
        #expect(
            repaired("白龟湖科创新城是集科技创新、教育研发于一体的现代化城区 河南日报记者 聂冬晗 摄\n\n“五大行动”赋能“两城”建设")
                == ["白龟湖科创新城是集科技创新、教育研发于一体的现代化城区 河南日报记者 聂冬晗 摄", "“五大行动”赋能“两城”建设"])
    }

    /// “两城”建设紧锣密鼓，抢时间就是抢 / photo captions / 先机，… — the paragraph is rejoined
    /// and the captions follow it; every working scalar still maps to its own source scalar.
    @Test func photoBetweenTheHalvesOfAParagraph() {
        let input = "“两城”建设紧锣密鼓，抢时间就是抢\n\n\n\n3月11日，主任带队调研代表联络站建设工作。\n\n\n\n5月10日，组织老干部调研。本版图片均为市人大常委会供图\n\n先机，抓服务就是抓效益。"
        #expect(
            repaired(input) == [
                "“两城”建设紧锣密鼓，抢时间就是抢先机，抓服务就是抓效益。", "3月11日，主任带队调研代表联络站建设工作。",
                "5月10日，组织老干部调研。本版图片均为市人大常委会供图",
            ])
        let source = SourceText(input)
        let working = Normalizer().normalize(source)
        for index in 0..<working.count {
            #expect(source.scalars[Int(working.sourceOffsets[index])] == working.scalars[index])
        }
    }
}
