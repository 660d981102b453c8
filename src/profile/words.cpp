#include "profile/words.h"

#include <cstdio>

#include "profile/text.h"

namespace profile {

namespace {

// One table per language. Every key of words.h is in each (unit test "every word in every
// language"); a table's order follows the key list, so a gap is easy to see.
// zh-Hans: 简体中文
const WordText kChineseSimplified[] = {
    {Word::title_about, "关于"}, {Word::nav_about, "关于"},
    {Word::title_interests, "研究兴趣"}, {Word::nav_interests, "研究"},
    {Word::title_news, "新闻"}, {Word::nav_news, "新闻"},
    {Word::title_experience, "经历"}, {Word::nav_experience, "经历"},
    {Word::title_education, "教育"}, {Word::nav_education, "教育"},
    {Word::title_awards, "奖项"}, {Word::nav_awards, "奖项"},
    {Word::title_publications, "发表论文"}, {Word::nav_publications, "论文"},
    {Word::title_projects, "项目"}, {Word::nav_projects, "项目"},
    {Word::title_volunteer, "服务与志愿"}, {Word::nav_volunteer, "服务"},
    {Word::title_certificates, "证书"}, {Word::nav_certificates, "证书"},
    {Word::title_skills, "技能"}, {Word::nav_skills, "技能"},
    {Word::title_languages, "语言"}, {Word::nav_languages, "语言"},
    {Word::title_references, "推荐人"}, {Word::nav_references, "推荐人"},
    {Word::title_openings, "招生与招聘"}, {Word::nav_openings, "招聘"},
    {Word::present, "至今"},
    {Word::from_date, "%s起"},
    {Word::date_month, "%Y年%M"},
    {Word::date_day, "%Y年%M%D日"},
    {Word::month_1, "1月"},
    {Word::month_2, "2月"},
    {Word::month_3, "3月"},
    {Word::month_4, "4月"},
    {Word::month_5, "5月"},
    {Word::month_6, "6月"},
    {Word::month_7, "7月"},
    {Word::month_8, "8月"},
    {Word::month_9, "9月"},
    {Word::month_10, "10月"},
    {Word::month_11, "11月"},
    {Word::month_12, "12月"},
    {Word::posted, "发布于 %s"},
    {Word::updated, "更新于 %s"},
    {Word::built_with, "由 imfolio 构建"},
    {Word::home, "首页"},
    {Word::sections, "栏目"},
    {Word::sections_menu, "栏目菜单"},
    {Word::search, "搜索（Ctrl+K）"},
    {Word::search_placeholder, "搜索此主页"},
    {Word::light_theme, "使用浅色主题"},
    {Word::dark_theme, "使用深色主题"},
    {Word::cv_pdf, "简历（PDF）"},
    {Word::language, "语言"},
    {Word::problems, "此主页中的问题"},
    {Word::problems_summary, "此主页有 %s；其余内容均已显示。"},
    {Word::errors_one, "1 个错误"},
    {Word::errors_many, "%s 个错误"},
    {Word::warnings_one, "1 个警告"},
    {Word::warnings_many, "%s 个警告"},
    {Word::and_word, "和"},
    {Word::dismiss, "关闭"},
    {Word::copy_email, "复制邮箱"},
    {Word::copied, "已复制"},
    {Word::abstract, "摘要"},
    {Word::selected_only, "仅代表作"},
    {Word::advisor, "导师：%s"},
    {Word::score, "成绩：%s"},
    {Word::courses, "课程"},
    {Word::highlights, "要点"},
    {Word::keywords, "关键词"},
    {Word::homepage, "主页"},
    {Word::details, "详情"},
    {Word::email, "邮件"},
};

// zh-Hant: 繁體中文
const WordText kChineseTraditional[] = {
    {Word::title_about, "關於"}, {Word::nav_about, "關於"},
    {Word::title_interests, "研究興趣"}, {Word::nav_interests, "研究"},
    {Word::title_news, "最新消息"}, {Word::nav_news, "消息"},
    {Word::title_experience, "經歷"}, {Word::nav_experience, "經歷"},
    {Word::title_education, "教育"}, {Word::nav_education, "教育"},
    {Word::title_awards, "獎項"}, {Word::nav_awards, "獎項"},
    {Word::title_publications, "發表論文"}, {Word::nav_publications, "論文"},
    {Word::title_projects, "專案"}, {Word::nav_projects, "專案"},
    {Word::title_volunteer, "服務與志工"}, {Word::nav_volunteer, "服務"},
    {Word::title_certificates, "證書"}, {Word::nav_certificates, "證書"},
    {Word::title_skills, "技能"}, {Word::nav_skills, "技能"},
    {Word::title_languages, "語言"}, {Word::nav_languages, "語言"},
    {Word::title_references, "推薦人"}, {Word::nav_references, "推薦人"},
    {Word::title_openings, "招生與徵才"}, {Word::nav_openings, "徵才"},
    {Word::present, "至今"},
    {Word::from_date, "%s起"},
    {Word::date_month, "%Y年%M"},
    {Word::date_day, "%Y年%M%D日"},
    {Word::month_1, "1月"},
    {Word::month_2, "2月"},
    {Word::month_3, "3月"},
    {Word::month_4, "4月"},
    {Word::month_5, "5月"},
    {Word::month_6, "6月"},
    {Word::month_7, "7月"},
    {Word::month_8, "8月"},
    {Word::month_9, "9月"},
    {Word::month_10, "10月"},
    {Word::month_11, "11月"},
    {Word::month_12, "12月"},
    {Word::posted, "發布於 %s"},
    {Word::updated, "更新於 %s"},
    {Word::built_with, "以 imfolio 建置"},
    {Word::home, "首頁"},
    {Word::sections, "欄目"},
    {Word::sections_menu, "欄目選單"},
    {Word::search, "搜尋（Ctrl+K）"},
    {Word::search_placeholder, "搜尋此個人頁面"},
    {Word::light_theme, "使用淺色主題"},
    {Word::dark_theme, "使用深色主題"},
    {Word::cv_pdf, "履歷（PDF）"},
    {Word::language, "語言"},
    {Word::problems, "此個人頁面的問題"},
    {Word::problems_summary, "此個人頁面有 %s；其餘內容均已顯示。"},
    {Word::errors_one, "1 個錯誤"},
    {Word::errors_many, "%s 個錯誤"},
    {Word::warnings_one, "1 個警告"},
    {Word::warnings_many, "%s 個警告"},
    {Word::and_word, "和"},
    {Word::dismiss, "關閉"},
    {Word::copy_email, "複製電子郵件"},
    {Word::copied, "已複製"},
    {Word::abstract, "摘要"},
    {Word::selected_only, "僅代表作"},
    {Word::advisor, "指導教授：%s"},
    {Word::score, "成績：%s"},
    {Word::courses, "課程"},
    {Word::highlights, "要點"},
    {Word::keywords, "關鍵詞"},
    {Word::homepage, "個人網頁"},
    {Word::details, "詳情"},
    {Word::email, "電子郵件"},
};

// ja: 日本語
const WordText kJapanese[] = {
    {Word::title_about, "概要"}, {Word::nav_about, "概要"},
    {Word::title_interests, "研究テーマ"}, {Word::nav_interests, "研究"},
    {Word::title_news, "お知らせ"}, {Word::nav_news, "お知らせ"},
    {Word::title_experience, "職歴"}, {Word::nav_experience, "職歴"},
    {Word::title_education, "学歴"}, {Word::nav_education, "学歴"},
    {Word::title_awards, "受賞"}, {Word::nav_awards, "受賞"},
    {Word::title_publications, "業績"}, {Word::nav_publications, "業績"},
    {Word::title_projects, "プロジェクト"}, {Word::nav_projects, "プロジェクト"},
    {Word::title_volunteer, "社会貢献・ボランティア"}, {Word::nav_volunteer, "社会貢献"},
    {Word::title_certificates, "資格"}, {Word::nav_certificates, "資格"},
    {Word::title_skills, "スキル"}, {Word::nav_skills, "スキル"},
    {Word::title_languages, "言語"}, {Word::nav_languages, "言語"},
    {Word::title_references, "推薦者"}, {Word::nav_references, "推薦者"},
    {Word::title_openings, "募集"}, {Word::nav_openings, "募集"},
    {Word::present, "現在"},
    {Word::from_date, "%sから"},
    {Word::date_month, "%Y年%M"},
    {Word::date_day, "%Y年%M%D日"},
    {Word::month_1, "1月"},
    {Word::month_2, "2月"},
    {Word::month_3, "3月"},
    {Word::month_4, "4月"},
    {Word::month_5, "5月"},
    {Word::month_6, "6月"},
    {Word::month_7, "7月"},
    {Word::month_8, "8月"},
    {Word::month_9, "9月"},
    {Word::month_10, "10月"},
    {Word::month_11, "11月"},
    {Word::month_12, "12月"},
    {Word::posted, "掲載 %s"},
    {Word::updated, "更新 %s"},
    {Word::built_with, "imfolio で作成"},
    {Word::home, "ホーム"},
    {Word::sections, "セクション"},
    {Word::sections_menu, "セクションメニュー"},
    {Word::search, "検索（Ctrl+K）"},
    {Word::search_placeholder, "このプロフィールを検索"},
    {Word::light_theme, "ライトテーマにする"},
    {Word::dark_theme, "ダークテーマにする"},
    {Word::cv_pdf, "履歴書（PDF）"},
    {Word::language, "言語"},
    {Word::problems, "このプロフィールの問題"},
    {Word::problems_summary, "このプロフィールには %s があります。それ以外はすべて表示されています。"},
    {Word::errors_one, "1 件のエラー"},
    {Word::errors_many, "%s 件のエラー"},
    {Word::warnings_one, "1 件の警告"},
    {Word::warnings_many, "%s 件の警告"},
    {Word::and_word, "と"},
    {Word::dismiss, "閉じる"},
    {Word::copy_email, "メールアドレスをコピー"},
    {Word::copied, "コピーしました"},
    {Word::abstract, "要旨"},
    {Word::selected_only, "主要業績のみ"},
    {Word::advisor, "指導教員：%s"},
    {Word::score, "成績：%s"},
    {Word::courses, "履修科目"},
    {Word::highlights, "主な成果"},
    {Word::keywords, "キーワード"},
    {Word::homepage, "ホームページ"},
    {Word::details, "詳細"},
    {Word::email, "メール"},
};

// ko: 한국어
const WordText kKorean[] = {
    {Word::title_about, "소개"}, {Word::nav_about, "소개"},
    {Word::title_interests, "연구 관심사"}, {Word::nav_interests, "연구"},
    {Word::title_news, "소식"}, {Word::nav_news, "소식"},
    {Word::title_experience, "경력"}, {Word::nav_experience, "경력"},
    {Word::title_education, "학력"}, {Word::nav_education, "학력"},
    {Word::title_awards, "수상"}, {Word::nav_awards, "수상"},
    {Word::title_publications, "논문"}, {Word::nav_publications, "논문"},
    {Word::title_projects, "프로젝트"}, {Word::nav_projects, "프로젝트"},
    {Word::title_volunteer, "봉사 및 활동"}, {Word::nav_volunteer, "봉사"},
    {Word::title_certificates, "자격증"}, {Word::nav_certificates, "자격증"},
    {Word::title_skills, "기술"}, {Word::nav_skills, "기술"},
    {Word::title_languages, "언어"}, {Word::nav_languages, "언어"},
    {Word::title_references, "추천인"}, {Word::nav_references, "추천인"},
    {Word::title_openings, "모집"}, {Word::nav_openings, "모집"},
    {Word::present, "현재"},
    {Word::from_date, "%s부터"},
    {Word::date_month, "%Y년 %M"},
    {Word::date_day, "%Y년 %M %D일"},
    {Word::month_1, "1월"},
    {Word::month_2, "2월"},
    {Word::month_3, "3월"},
    {Word::month_4, "4월"},
    {Word::month_5, "5월"},
    {Word::month_6, "6월"},
    {Word::month_7, "7월"},
    {Word::month_8, "8월"},
    {Word::month_9, "9월"},
    {Word::month_10, "10월"},
    {Word::month_11, "11월"},
    {Word::month_12, "12월"},
    {Word::posted, "게시 %s"},
    {Word::updated, "업데이트 %s"},
    {Word::built_with, "imfolio로 제작"},
    {Word::home, "홈"},
    {Word::sections, "섹션"},
    {Word::sections_menu, "섹션 메뉴"},
    {Word::search, "검색 (Ctrl+K)"},
    {Word::search_placeholder, "이 프로필 검색"},
    {Word::light_theme, "밝은 테마 사용"},
    {Word::dark_theme, "어두운 테마 사용"},
    {Word::cv_pdf, "이력서 (PDF)"},
    {Word::language, "언어"},
    {Word::problems, "이 프로필의 문제"},
    {Word::problems_summary, "이 프로필에 %s가 있습니다. 나머지는 모두 표시됩니다."},
    {Word::errors_one, "오류 1개"},
    {Word::errors_many, "오류 %s개"},
    {Word::warnings_one, "경고 1개"},
    {Word::warnings_many, "경고 %s개"},
    {Word::and_word, "와 "},
    {Word::dismiss, "닫기"},
    {Word::copy_email, "이메일 복사"},
    {Word::copied, "복사됨"},
    {Word::abstract, "초록"},
    {Word::selected_only, "대표 논문만"},
    {Word::advisor, "지도교수: %s"},
    {Word::score, "성적: %s"},
    {Word::courses, "수강 과목"},
    {Word::highlights, "주요 내용"},
    {Word::keywords, "키워드"},
    {Word::homepage, "홈페이지"},
    {Word::details, "자세히"},
    {Word::email, "이메일"},
};

// es: Español
const WordText kSpanish[] = {
    {Word::title_about, "Sobre mí"}, {Word::nav_about, "Sobre mí"},
    {Word::title_interests, "Intereses de investigación"}, {Word::nav_interests, "Investigación"},
    {Word::title_news, "Noticias"}, {Word::nav_news, "Noticias"},
    {Word::title_experience, "Experiencia"}, {Word::nav_experience, "Experiencia"},
    {Word::title_education, "Formación"}, {Word::nav_education, "Formación"},
    {Word::title_awards, "Premios"}, {Word::nav_awards, "Premios"},
    {Word::title_publications, "Publicaciones"}, {Word::nav_publications, "Publicaciones"},
    {Word::title_projects, "Proyectos"}, {Word::nav_projects, "Proyectos"},
    {Word::title_volunteer, "Servicio y voluntariado"}, {Word::nav_volunteer, "Servicio"},
    {Word::title_certificates, "Certificados"}, {Word::nav_certificates, "Certificados"},
    {Word::title_skills, "Habilidades"}, {Word::nav_skills, "Habilidades"},
    {Word::title_languages, "Idiomas"}, {Word::nav_languages, "Idiomas"},
    {Word::title_references, "Referencias"}, {Word::nav_references, "Referencias"},
    {Word::title_openings, "Vacantes"}, {Word::nav_openings, "Vacantes"},
    {Word::present, "actualidad"},
    {Word::from_date, "desde %s"},
    {Word::date_month, "%M %Y"},
    {Word::date_day, "%D %M %Y"},
    {Word::month_1, "ene"},
    {Word::month_2, "feb"},
    {Word::month_3, "mar"},
    {Word::month_4, "abr"},
    {Word::month_5, "may"},
    {Word::month_6, "jun"},
    {Word::month_7, "jul"},
    {Word::month_8, "ago"},
    {Word::month_9, "sept"},
    {Word::month_10, "oct"},
    {Word::month_11, "nov"},
    {Word::month_12, "dic"},
    {Word::posted, "Publicado el %s"},
    {Word::updated, "Actualizado el %s"},
    {Word::built_with, "Hecho con imfolio"},
    {Word::home, "Inicio"},
    {Word::sections, "Secciones"},
    {Word::sections_menu, "Menú de secciones"},
    {Word::search, "Buscar (Ctrl+K)"},
    {Word::search_placeholder, "Buscar en este perfil"},
    {Word::light_theme, "Usar tema claro"},
    {Word::dark_theme, "Usar tema oscuro"},
    {Word::cv_pdf, "CV (PDF)"},
    {Word::language, "Idioma"},
    {Word::problems, "Problemas en este perfil"},
    {Word::problems_summary, "Este perfil tiene %s; todo lo demás se muestra."},
    {Word::errors_one, "1 error"},
    {Word::errors_many, "%s errores"},
    {Word::warnings_one, "1 advertencia"},
    {Word::warnings_many, "%s advertencias"},
    {Word::and_word, " y "},
    {Word::dismiss, "Cerrar"},
    {Word::copy_email, "Copiar correo"},
    {Word::copied, "Copiado"},
    {Word::abstract, "Resumen"},
    {Word::selected_only, "Solo destacadas"},
    {Word::advisor, "Dirección: %s"},
    {Word::score, "Calificación: %s"},
    {Word::courses, "Asignaturas"},
    {Word::highlights, "Aspectos destacados"},
    {Word::keywords, "Palabras clave"},
    {Word::homepage, "Página personal"},
    {Word::details, "Detalles"},
    {Word::email, "Correo"},
};

// fr: Français
const WordText kFrench[] = {
    {Word::title_about, "À propos"}, {Word::nav_about, "À propos"},
    {Word::title_interests, "Thèmes de recherche"}, {Word::nav_interests, "Recherche"},
    {Word::title_news, "Actualités"}, {Word::nav_news, "Actualités"},
    {Word::title_experience, "Expérience"}, {Word::nav_experience, "Expérience"},
    {Word::title_education, "Formation"}, {Word::nav_education, "Formation"},
    {Word::title_awards, "Distinctions"}, {Word::nav_awards, "Distinctions"},
    {Word::title_publications, "Publications"}, {Word::nav_publications, "Publications"},
    {Word::title_projects, "Projets"}, {Word::nav_projects, "Projets"},
    {Word::title_volunteer, "Service et bénévolat"}, {Word::nav_volunteer, "Service"},
    {Word::title_certificates, "Certificats"}, {Word::nav_certificates, "Certificats"},
    {Word::title_skills, "Compétences"}, {Word::nav_skills, "Compétences"},
    {Word::title_languages, "Langues"}, {Word::nav_languages, "Langues"},
    {Word::title_references, "Références"}, {Word::nav_references, "Références"},
    {Word::title_openings, "Postes ouverts"}, {Word::nav_openings, "Postes"},
    {Word::present, "aujourd’hui"},
    {Word::from_date, "depuis %s"},
    {Word::date_month, "%M %Y"},
    {Word::date_day, "%D %M %Y"},
    {Word::month_1, "janv."},
    {Word::month_2, "févr."},
    {Word::month_3, "mars"},
    {Word::month_4, "avr."},
    {Word::month_5, "mai"},
    {Word::month_6, "juin"},
    {Word::month_7, "juil."},
    {Word::month_8, "août"},
    {Word::month_9, "sept."},
    {Word::month_10, "oct."},
    {Word::month_11, "nov."},
    {Word::month_12, "déc."},
    {Word::posted, "Publié le %s"},
    {Word::updated, "Mis à jour le %s"},
    {Word::built_with, "Réalisé avec imfolio"},
    {Word::home, "Accueil"},
    {Word::sections, "Rubriques"},
    {Word::sections_menu, "Menu des rubriques"},
    {Word::search, "Rechercher (Ctrl+K)"},
    {Word::search_placeholder, "Rechercher dans ce profil"},
    {Word::light_theme, "Thème clair"},
    {Word::dark_theme, "Thème sombre"},
    {Word::cv_pdf, "CV (PDF)"},
    {Word::language, "Langue"},
    {Word::problems, "Problèmes dans ce profil"},
    {Word::problems_summary, "Ce profil comporte %s ; tout le reste est affiché."},
    {Word::errors_one, "1 erreur"},
    {Word::errors_many, "%s erreurs"},
    {Word::warnings_one, "1 avertissement"},
    {Word::warnings_many, "%s avertissements"},
    {Word::and_word, " et "},
    {Word::dismiss, "Fermer"},
    {Word::copy_email, "Copier l’adresse"},
    {Word::copied, "Copié"},
    {Word::abstract, "Résumé"},
    {Word::selected_only, "Sélection seulement"},
    {Word::advisor, "Encadrement : %s"},
    {Word::score, "Note : %s"},
    {Word::courses, "Cours"},
    {Word::highlights, "Points forts"},
    {Word::keywords, "Mots-clés"},
    {Word::homepage, "Page personnelle"},
    {Word::details, "Détails"},
    {Word::email, "E-mail"},
};

// de: Deutsch
const WordText kGerman[] = {
    {Word::title_about, "Über mich"}, {Word::nav_about, "Über mich"},
    {Word::title_interests, "Forschungsinteressen"}, {Word::nav_interests, "Forschung"},
    {Word::title_news, "Neuigkeiten"}, {Word::nav_news, "Neuigkeiten"},
    {Word::title_experience, "Berufserfahrung"}, {Word::nav_experience, "Erfahrung"},
    {Word::title_education, "Ausbildung"}, {Word::nav_education, "Ausbildung"},
    {Word::title_awards, "Auszeichnungen"}, {Word::nav_awards, "Auszeichnungen"},
    {Word::title_publications, "Publikationen"}, {Word::nav_publications, "Publikationen"},
    {Word::title_projects, "Projekte"}, {Word::nav_projects, "Projekte"},
    {Word::title_volunteer, "Engagement und Ehrenamt"}, {Word::nav_volunteer, "Engagement"},
    {Word::title_certificates, "Zertifikate"}, {Word::nav_certificates, "Zertifikate"},
    {Word::title_skills, "Kenntnisse"}, {Word::nav_skills, "Kenntnisse"},
    {Word::title_languages, "Sprachen"}, {Word::nav_languages, "Sprachen"},
    {Word::title_references, "Referenzen"}, {Word::nav_references, "Referenzen"},
    {Word::title_openings, "Offene Stellen"}, {Word::nav_openings, "Stellen"},
    {Word::present, "heute"},
    {Word::from_date, "seit %s"},
    {Word::date_month, "%M %Y"},
    {Word::date_day, "%D. %M %Y"},
    {Word::month_1, "Jan."},
    {Word::month_2, "Feb."},
    {Word::month_3, "März"},
    {Word::month_4, "Apr."},
    {Word::month_5, "Mai"},
    {Word::month_6, "Juni"},
    {Word::month_7, "Juli"},
    {Word::month_8, "Aug."},
    {Word::month_9, "Sept."},
    {Word::month_10, "Okt."},
    {Word::month_11, "Nov."},
    {Word::month_12, "Dez."},
    {Word::posted, "Veröffentlicht am %s"},
    {Word::updated, "Aktualisiert am %s"},
    {Word::built_with, "Erstellt mit imfolio"},
    {Word::home, "Start"},
    {Word::sections, "Abschnitte"},
    {Word::sections_menu, "Abschnittsmenü"},
    {Word::search, "Suchen (Strg+K)"},
    {Word::search_placeholder, "Dieses Profil durchsuchen"},
    {Word::light_theme, "Helles Design"},
    {Word::dark_theme, "Dunkles Design"},
    {Word::cv_pdf, "Lebenslauf (PDF)"},
    {Word::language, "Sprache"},
    {Word::problems, "Probleme in diesem Profil"},
    {Word::problems_summary, "Dieses Profil hat %s; alles andere wird angezeigt."},
    {Word::errors_one, "1 Fehler"},
    {Word::errors_many, "%s Fehler"},
    {Word::warnings_one, "1 Warnung"},
    {Word::warnings_many, "%s Warnungen"},
    {Word::and_word, " und "},
    {Word::dismiss, "Schließen"},
    {Word::copy_email, "E-Mail kopieren"},
    {Word::copied, "Kopiert"},
    {Word::abstract, "Zusammenfassung"},
    {Word::selected_only, "Nur ausgewählte"},
    {Word::advisor, "Betreuung: %s"},
    {Word::score, "Note: %s"},
    {Word::courses, "Lehrveranstaltungen"},
    {Word::highlights, "Schwerpunkte"},
    {Word::keywords, "Schlagwörter"},
    {Word::homepage, "Homepage"},
    {Word::details, "Details"},
    {Word::email, "E-Mail"},
};

// pt: Português
const WordText kPortuguese[] = {
    {Word::title_about, "Sobre"}, {Word::nav_about, "Sobre"},
    {Word::title_interests, "Interesses de pesquisa"}, {Word::nav_interests, "Pesquisa"},
    {Word::title_news, "Notícias"}, {Word::nav_news, "Notícias"},
    {Word::title_experience, "Experiência"}, {Word::nav_experience, "Experiência"},
    {Word::title_education, "Formação"}, {Word::nav_education, "Formação"},
    {Word::title_awards, "Prêmios"}, {Word::nav_awards, "Prêmios"},
    {Word::title_publications, "Publicações"}, {Word::nav_publications, "Publicações"},
    {Word::title_projects, "Projetos"}, {Word::nav_projects, "Projetos"},
    {Word::title_volunteer, "Serviço e voluntariado"}, {Word::nav_volunteer, "Serviço"},
    {Word::title_certificates, "Certificados"}, {Word::nav_certificates, "Certificados"},
    {Word::title_skills, "Competências"}, {Word::nav_skills, "Competências"},
    {Word::title_languages, "Idiomas"}, {Word::nav_languages, "Idiomas"},
    {Word::title_references, "Referências"}, {Word::nav_references, "Referências"},
    {Word::title_openings, "Vagas"}, {Word::nav_openings, "Vagas"},
    {Word::present, "presente"},
    {Word::from_date, "desde %s"},
    {Word::date_month, "%M %Y"},
    {Word::date_day, "%D %M %Y"},
    {Word::month_1, "jan"},
    {Word::month_2, "fev"},
    {Word::month_3, "mar"},
    {Word::month_4, "abr"},
    {Word::month_5, "mai"},
    {Word::month_6, "jun"},
    {Word::month_7, "jul"},
    {Word::month_8, "ago"},
    {Word::month_9, "set"},
    {Word::month_10, "out"},
    {Word::month_11, "nov"},
    {Word::month_12, "dez"},
    {Word::posted, "Publicado em %s"},
    {Word::updated, "Atualizado em %s"},
    {Word::built_with, "Feito com imfolio"},
    {Word::home, "Início"},
    {Word::sections, "Seções"},
    {Word::sections_menu, "Menu de seções"},
    {Word::search, "Pesquisar (Ctrl+K)"},
    {Word::search_placeholder, "Pesquisar neste perfil"},
    {Word::light_theme, "Usar tema claro"},
    {Word::dark_theme, "Usar tema escuro"},
    {Word::cv_pdf, "CV (PDF)"},
    {Word::language, "Idioma"},
    {Word::problems, "Problemas neste perfil"},
    {Word::problems_summary, "Este perfil tem %s; todo o resto é exibido."},
    {Word::errors_one, "1 erro"},
    {Word::errors_many, "%s erros"},
    {Word::warnings_one, "1 aviso"},
    {Word::warnings_many, "%s avisos"},
    {Word::and_word, " e "},
    {Word::dismiss, "Fechar"},
    {Word::copy_email, "Copiar e-mail"},
    {Word::copied, "Copiado"},
    {Word::abstract, "Resumo"},
    {Word::selected_only, "Só as selecionadas"},
    {Word::advisor, "Orientação: %s"},
    {Word::score, "Nota: %s"},
    {Word::courses, "Disciplinas"},
    {Word::highlights, "Destaques"},
    {Word::keywords, "Palavras-chave"},
    {Word::homepage, "Página pessoal"},
    {Word::details, "Detalhes"},
    {Word::email, "E-mail"},
};

// English comes from the key lists themselves (sections.def's columns, words.def's second).
const WordText kEnglish[] = {
#define IMFOLIO_SECTION_ENGLISH(id, member, key, title, nav, icon) {Word::title_##id, title}, {Word::nav_##id, nav},
    IMFOLIO_SECTIONS(IMFOLIO_SECTION_ENGLISH)
#undef IMFOLIO_SECTION_ENGLISH
#define IMFOLIO_WORD_ENGLISH(key, english) {Word::key, english},
    IMFOLIO_WORDS(IMFOLIO_WORD_ENGLISH)
#undef IMFOLIO_WORD_ENGLISH
};

constexpr const char* kKeyNames[] = {
#define IMFOLIO_SECTION_KEYS(id, ...) "title_" #id, "nav_" #id,
    IMFOLIO_SECTIONS(IMFOLIO_SECTION_KEYS)
#undef IMFOLIO_SECTION_KEYS
#define IMFOLIO_WORD_NAME(key, english) #key,
    IMFOLIO_WORDS(IMFOLIO_WORD_NAME)
#undef IMFOLIO_WORD_NAME
};
static_assert(sizeof kKeyNames / sizeof kKeyNames[0] == kWordCount, "a name for every key");

template <std::size_t N>
WordTable table(std::string_view tag, std::string_view name, const WordText (&entries)[N]) {
    return WordTable{tag, name, entries, N};
}

std::vector<Words> build_words() {
    std::vector<Words> out;
    for (const WordTable& t : word_tables()) {
        Words w;
        w.tag = t.tag;
        w.name = t.name;
        for (const WordText& e : kEnglish) w.text[static_cast<std::size_t>(e.key)] = e.text;
        for (std::size_t i = 0; i < t.size; ++i) w.text[static_cast<std::size_t>(t.entries[i].key)] = t.entries[i].text;
        out.push_back(w);
    }
    return out;
}

const std::vector<Words>& all_words() {
    static const std::vector<Words> words = build_words();
    return words;
}

void replace_all(std::string& s, std::string_view what, std::string_view with) {
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
        s.replace(at, what.size(), with);
}

}  // namespace

const std::vector<WordTable>& word_tables() {
    static const std::vector<WordTable> tables = {
        table("en", "English", kEnglish),
        table("zh-Hans", "简体中文", kChineseSimplified),
        table("zh-Hant", "繁體中文", kChineseTraditional),
        table("ja", "日本語", kJapanese),
        table("ko", "한국어", kKorean),
        table("es", "Español", kSpanish),
        table("fr", "Français", kFrench),
        table("de", "Deutsch", kGerman),
        table("pt", "Português", kPortuguese),
    };
    return tables;
}

const Words& english_words() { return all_words().front(); }

const Words& words_for(std::string_view tag) {
    const std::vector<Words>& all = all_words();
    std::string want = fold_case(tag);
    for (const Words& w : all)
        if (fold_case(w.tag) == want) return w;
    std::string primary = want.substr(0, want.find('-'));
    if (primary == "zh") {
        bool traditional = want.find("hant") != std::string::npos || want.find("-tw") != std::string::npos ||
                           want.find("-hk") != std::string::npos || want.find("-mo") != std::string::npos;
        return words_for(traditional ? "zh-Hant" : "zh-Hans");
    }
    for (const Words& w : all)
        if (fold_case(w.tag) == primary) return w;
    return all.front();
}

std::string_view word_key(Word w) {
    std::size_t i = static_cast<std::size_t>(w);
    return i < kWordCount ? kKeyNames[i] : "";
}

std::string fill(std::string_view pattern, std::string_view value) {
    std::string out(pattern);
    std::size_t at = out.find("%s");
    if (at != std::string::npos) out.replace(at, 2, value);
    return out;
}

std::string format_date(const Date& d, const Words& w) {
    if (d.year == 0) return d.raw;
    std::string year = std::to_string(d.year);
    std::string out;
    if (!d.season.empty() || d.month == 0) {
        out = year;
    } else {
        out = std::string(d.day == 0 ? w[Word::date_month] : w[Word::date_day]);
        std::string_view month = w[static_cast<Word>(static_cast<std::size_t>(Word::month_1) + (d.month - 1))];
        replace_all(out, "%M", month);
        replace_all(out, "%D", std::to_string(d.day));
        replace_all(out, "%Y", year);
    }
    if (!d.season.empty()) out = d.season + " " + out;
    if (!d.note.empty()) out += (d.note[0] == ',' || d.note[0] == ';' ? "" : " ") + d.note;
    return out;
}

std::string format_range(const Date& start, const Date& end, bool ended, const Words& w) {
    const std::string dash = " \u2013 ";
    if (start.empty()) return format_date(end, w);
    if (end.empty()) {
        if (start.year == 0) return format_date(start, w);
        return ended ? fill(w[Word::from_date], format_date(start, w))
                     : format_date(start, w) + dash + std::string(w[Word::present]);
    }
    if (start == end) return format_date(start, w);
    bool plain = start.season.empty() && end.season.empty() && start.note.empty() && end.note.empty();
    if (plain && start.year != 0 && start.year == end.year && start.month == 0 && end.month == 0)
        return format_date(start, w);
    return format_date(start, w) + dash + format_date(end, w);
}

}  // namespace profile
