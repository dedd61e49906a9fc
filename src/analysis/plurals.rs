//! Broken plurals that no affix rule can reach, mapped to their singulars.
//!
//! Arabic forms many plurals by changing the vowels inside the word
//! (`جنود` → `جندي`, `دول` → `دولة`), so a light stemmer leaves them apart
//! from their singulars. This table, written for fahras, lists frequent
//! broken plurals of news prose: people and roles, states and places, arms
//! and war, economy, time. The stemmer looks a word up after removing its
//! proclitics and again after removing a pronoun suffix, then stems the
//! singular as it would any word, so both sides end on the same stem.
//! Keys and values are written as people spell them and normalized when the
//! map is built.

use std::sync::LazyLock;

use super::wordset::WordMap;

use super::normalize::normalize;

const PAIRS: &str = "
جنود جندي
ضباط ضابط
قادة قائد
رؤساء رئيس
وزراء وزير
زعماء زعيم
سفراء سفير
خبراء خبير
علماء عالم
حلفاء حليف
شركاء شريك
عملاء عميل
شهداء شهيد
أعضاء عضو
نواب نائب
قضاة قاض
حكام حاكم
شيوخ شيخ
أطفال طفل
أبناء ابن
رجال رجل
نساء امرأة
طلاب طالب
عمال عامل
سكان ساكن
أفراد فرد
أشخاص شخص
ضحايا ضحية
قتلى قتيل
جرحى جريح
أسرى أسير
دول دولة
مدن مدينة
قرى قرية
بلدان بلد
شعوب شعب
أحزاب حزب
جيوش جيش
فصائل فصيل
كتائب كتيبة
قبائل قبيلة
عشائر عشيرة
لجان لجنة
أقاليم إقليم
أراض أرض
أراضي أرض
حدود حد
طرق طريق
جسور جسر
سفن سفينة
آبار بئر
حقول حقل
موانئ ميناء
أسلحة سلاح
صواريخ صاروخ
حروب حرب
سجون سجن
أجهزة جهاز
أنظمة نظام
قواعد قاعدة
قوى قوة
أموال مال
أسعار سعر
أسواق سوق
بنوك بنك
حقوق حق
قوانين قانون
مشاريع مشروع
أخبار خبر
أسباب سبب
أهداف هدف
أطراف طرف
أعمال عمل
أمور أمر
أوضاع وضع
أحداث حدث
أصوات صوت
أوراق ورقة
وسائل وسيلة
رسائل رسالة
دروس درس
آراء رأي
أفكار فكرة
مواقف موقف
أيام يوم
أعوام عام
سنين سنة
شهور شهر
أشهر شهر
أسابيع أسبوع
آلاف ألف
ملايين مليون
مليارات مليار
مناطق منطقة
مراكز مركز
مصادر مصدر
مدارس مدرسة
مساجد مسجد
مواقع موقع
مصانع مصنع
مجالس مجلس
مكاتب مكتب
مراحل مرحلة
مسائل مسألة
مشاكل مشكلة
معارك معركة
منازل منزل
مصارف مصرف
محاكم محكمة
مقاعد مقعد
مجازر مجزرة
معابر معبر
ملاعب ملعب
مدارج مدرج
مطاعم مطعم
مخازن مخزن
";

static PLURALS: LazyLock<WordMap<String>> = LazyLock::new(|| {
    let words: Vec<&str> = PAIRS.split_whitespace().collect();
    words
        .chunks_exact(2)
        .map(|pair| (normalize(pair[0]), normalize(pair[1])))
        .collect()
});

/// The singular of a normalized broken plural, if the table knows it.
pub fn singular(word: &str) -> Option<&'static str> {
    PLURALS.get(word).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_plurals_map_to_singulars() {
        assert_eq!(singular("جنود"), Some("جندي"));
        assert_eq!(
            singular(&normalize("رؤساء")),
            Some(normalize("رئيس").as_str())
        );
    }

    #[test]
    fn every_line_is_a_pair() {
        assert_eq!(PAIRS.split_whitespace().count() % 2, 0);
        for line in PAIRS.lines().filter(|l| !l.trim().is_empty()) {
            assert_eq!(line.split_whitespace().count(), 2, "{line}");
        }
    }

    #[test]
    fn singulars_and_plurals_are_not_keys_of_each_other() {
        // A singular that is also a key would be rewritten twice.
        for value in PLURALS.values() {
            assert!(!PLURALS.contains_key(value), "{value}");
        }
    }
}
