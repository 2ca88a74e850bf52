import JianbaoCore
import Pipeline
import Testing

/// A bulletin none of the rules were tuned on: a typical 工作简报 with the masthead's office
/// and date on one line, the official marker hierarchy, inline clauses and a 供稿 line.
@Suite struct UnseenBulletinTests {
    static let text = """
        人大工作简报

        第 7 期

        许昌市人大常委会办公室                2023年5月12日

        市人大常委会开展《河南省实施〈中华人民共和国农民专业合作社法〉办法》执法检查

        4月18日至20日，市人大常委会副主任李华带领执法检查组，深入禹州市、长葛市、鄢陵县等3个县（市）开展执法检查，共走访合作社26家，召开座谈会5场，收集意见建议40余条。

        一、基本情况

        （一）合作社发展情况。全市共有农民专业合作社1.2万家，入社成员约35万人，带动农户超过60万户。其中，国家级示范社18家，占比约0.15%。

        （二）存在的问题。一是规范化程度不高，部分合作社“空壳化”；二是人才短缺，部分合作社没有专职会计。

        二、下一步工作

        1.加强宣传。每年6月开展集中宣传月活动。

        2.强化监督。2023年底前，市人大常委会将听取审议市政府关于合作社发展情况的报告。

        （市人大常委会农工委供稿）
        """

    static let document = try! Pipeline().convert(bytes: Array(text.utf8), path: "unseen.txt")

    @Test func masthead() {
        let info = Self.document.document
        #expect(info.title == "人大工作简报")
        #expect(info.issue?.number == 7)
        #expect(info.issuer == "许昌市人大常委会办公室")
        #expect(info.date?.value == "2023-05-12")
        #expect(info.fields.map(\.value) == ["市人大常委会农工委"])
    }

    @Test func itemTree() {
        let items = Self.document.flattenedItems.map { "\($0.id) \($0.kind) \($0.title)" }
        #expect(items == [
            "一 section 基本情况",
            "一/(一) subsection 合作社发展情况",
            "一/(二) subsection 存在的问题",
            "一/(二)/一是 clause 规范化程度不高，部分合作社“空壳化”",
            "一/(二)/二是 clause 人才短缺，部分合作社没有专职会计",
            "二 section 下一步工作",
            "二/1 item 加强宣传",
            "二/2 item 强化监督",
        ])
    }

    @Test(arguments: [
        ("3个县", 3.0, "exact"), ("26家", 26, "exact"), ("5场", 5, "exact"), ("40余条", 40, "over"),
        ("1.2万家", 12000, "exact"), ("约35万人", 350_000, "about"), ("超过60万户", 600_000, "over"), ("18家", 18, "exact"),
    ])
    func counts(_ text: String, _ value: Double, _ approx: String) {
        let count = Self.document.counts.first { $0.text.hasPrefix(text) }
        #expect(count?.value == value)
        #expect(count?.approx.rawValue == approx)
    }

    @Test func datesAndRatios() {
        let dates = Self.document.dates.map { "\($0.text)=\($0.value)" }
        #expect(dates.contains("4月18日至20日=2023-04-18/2023-04-20"))
        #expect(dates.contains("2023年底前=2023-12-31"))
        #expect(Self.document.ratios.map(\.value) == [0.0015])
    }

    @Test func units() {
        let units = Self.document.units.map { "\($0.role.rawValue):\($0.name)" }
        #expect(units.contains("issuer:许昌市人民代表大会常务委员会办公室"))
        #expect(units.contains("contributor:许昌市人民代表大会常务委员会农村工作委员会"))
        #expect(units.contains("mentioned:许昌市人民政府"))
    }
}
