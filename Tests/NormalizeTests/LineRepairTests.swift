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

    /// A news brief as a page of a newspaper bulletin prints it: its headline, then 本报讯 and
    /// the body. A break inside the body is a PDF artefact wherever it falls; the next headline
    /// and the next 本报讯 still start lines of their own.
    struct NewsBriefCase: Sendable, CustomTestStringConvertible {
        var name: String
        var input: String
        var lines: [String]
        var testDescription: String { name }
    }

    static let newsBriefCases: [NewsBriefCase] = [
        NewsBriefCase(
            name: "opening line broken mid-word",
            input: "代表工作\n宝丰：民生实事项目票决彰显民生温度\n本报讯（记者蔡文瑞）宝丰县人大常委会探索推行民生\n实事项目人大代表票决制，先后票决民生实事项目121个。\n",
            lines: ["代表工作", "宝丰：民生实事项目票决彰显民生温度", "本报讯（记者蔡文瑞）宝丰县人大常委会探索推行民生实事项目人大代表票决制，先后票决民生实事项目121个。"]),
        NewsBriefCase(
            name: "opening line broken before a one-character clause",
            input: "本报讯（记者蔡文瑞）今年是全国人民代表大会成立70周\n年，舞钢市人大常委会开展系列活动。",
            lines: ["本报讯（记者蔡文瑞）今年是全国人民代表大会成立70周年，舞钢市人大常委会开展系列活动。"]),
        NewsBriefCase(
            name: "no journalist, broken across a blank line",
            input: "本报讯 近日，汝州市人大常委会创新实施人大代表“九个一”\n\n工作法，激发代表履职热情。",
            lines: ["本报讯 近日，汝州市人大常委会创新实施人大代表“九个一”工作法，激发代表履职热情。"]),
        NewsBriefCase(
            name: "a brief that ends its sentence keeps the next headline apart",
            input: "本报讯（记者蔡文瑞）宝丰县人大常委会先后票决民生实事项目121个。\n\n舞钢：“三级运行体系”打通基层民主“最后一公里”\n\n本报讯（记者蔡文瑞）舞钢市人大常委会积极践行全过程人民民主重大理念。",
            lines: [
                "本报讯（记者蔡文瑞）宝丰县人大常委会先后票决民生实事项目121个。", "舞钢：“三级运行体系”打通基层民主“最后一公里”",
                "本报讯（记者蔡文瑞）舞钢市人大常委会积极践行全过程人民民主重大理念。",
            ]),
        NewsBriefCase(
            name: "a brief that ends without a full stop keeps the next headline apart",
            input: "本报讯（记者蔡文瑞）宝丰县人大常委会先后票决民生实事项目121个，该做法在全国作交流\n\n舞钢：“三级运行体系”打通基层民主“最后一公里”\n\n本报讯（记者蔡文瑞）舞钢市人大常委会积极践行全过程人民民主重大理念。",
            lines: [
                "本报讯（记者蔡文瑞）宝丰县人大常委会先后票决民生实事项目121个，该做法在全国作交流", "舞钢：“三级运行体系”打通基层民主“最后一公里”",
                "本报讯（记者蔡文瑞）舞钢市人大常委会积极践行全过程人民民主重大理念。",
            ]),
        NewsBriefCase(
            name: "two briefs in a row, each broken",
            input: "宝丰：民生实事项目票决彰显民生温度\n本报讯（记者蔡文瑞）宝丰县人大常委会探索推行民生\n实事项目人大代表票决制。\n舞钢：“三级运行体系”打通基层民主“最后一公里”\n本报讯（记者蔡文瑞）舞钢市人大常委会依托智慧平台构建\n“三级运行体系”，打通基层民主“最后一公里”。",
            lines: [
                "宝丰：民生实事项目票决彰显民生温度", "本报讯（记者蔡文瑞）宝丰县人大常委会探索推行民生实事项目人大代表票决制。",
                "舞钢：“三级运行体系”打通基层民主“最后一公里”", "本报讯（记者蔡文瑞）舞钢市人大常委会依托智慧平台构建“三级运行体系”，打通基层民主“最后一公里”。",
            ]),
        NewsBriefCase(
            name: "a broken brief runs straight into the next 本报讯",
            input: "本报讯（记者蔡文瑞）宝丰县人大常委会探索推行民生实事项目\n本报讯（记者蔡文瑞）舞钢市人大常委会积极践行全过程人民民主重大理念。",
            lines: ["本报讯（记者蔡文瑞）宝丰县人大常委会探索推行民生实事项目", "本报讯（记者蔡文瑞）舞钢市人大常委会积极践行全过程人民民主重大理念。"]),
        NewsBriefCase(
            name: "a broken brief keeps a list marker apart",
            input: "本报讯（记者蔡文瑞）叶县人大常委会探索共联工作模式，主要做法\n一、建立联络员制度",
            lines: ["本报讯（记者蔡文瑞）叶县人大常委会探索共联工作模式，主要做法", "一、建立联络员制度"]),
        NewsBriefCase(
            name: "a marker alone still takes the headline it parted from",
            input: "一、\n宝丰：民生实事项目票决彰显民生温度\n本报讯（记者蔡文瑞）宝丰县人大常委会探索推行民生实事项目人大代表票决制。",
            lines: ["一、宝丰：民生实事项目票决彰显民生温度", "本报讯（记者蔡文瑞）宝丰县人大常委会探索推行民生实事项目人大代表票决制。"]),
        NewsBriefCase(
            name: "本报讯 inside a sentence is body text",
            input: "宝丰县人大常委会的做法经本报讯报道后，在全省人大系统引起\n广泛关注，多地前来学习交流。",
            lines: ["宝丰县人大常委会的做法经本报讯报道后，在全省人大系统引起广泛关注，多地前来学习交流。"]),
    ]

    @Test(arguments: newsBriefCases)
    func newsBriefs(_ brief: NewsBriefCase) {
        #expect(repaired(brief.input) == brief.lines)
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
