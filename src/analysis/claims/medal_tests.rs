use crate::analysis::claims::testing::{claims_of, t};

fn medals(text: &str) -> Vec<(String, String, String, String)> {
    claims_of(text, None)
        .into_iter()
        .filter(|c| c.1 == "medal")
        .collect()
}

#[test]
fn labels_after_lists_apply_to_every_name() {
    assert_eq!(
        medals(
            "South Korea’s Lim Jonghoon, silver medallist, takes a selfie with teammate Shin Yubin, China’s Chuqin Wang and Yingsha Sun, gold medallists, and North Korea’s Jong Sik Ri and Kum Yong Kim, bronze medallists, after the ceremony."
        ),
        vec![
            t("Lim Jong-hoon", "medal", "silver", "silver medallist"),
            t("Wang Chuqin", "medal", "gold", "gold medallists"),
            t("Sun Yingsha", "medal", "gold", "gold medallists"),
            t("Ri Jong Sik", "medal", "bronze", "bronze medallists"),
            t("Kim Kum Yong", "medal", "bronze", "bronze medallists"),
        ]
    );
}

#[test]
fn labels_before_lists_and_countries() {
    assert_eq!(
        medals("Gold medallists China also joined in."),
        vec![
            t("Wang Chuqin", "medal", "gold", "Gold medallists"),
            t("Sun Yingsha", "medal", "gold", "Gold medallists"),
        ]
    );
    assert_eq!(
        medals(
            "silver medallists Ri Jong Sik and Kim Kum Yong (North Korea) and bronze medallists Lim Jong-hoon and Shin Yu-bin (South Korea)"
        ),
        vec![
            t("Ri Jong Sik", "medal", "silver", "silver medallists"),
            t("Kim Kum Yong", "medal", "silver", "silver medallists"),
            t("Lim Jong-hoon", "medal", "bronze", "bronze medallists"),
            t("Shin Yu-bin", "medal", "bronze", "bronze medallists"),
        ]
    );
}

#[test]
fn a_country_saying_where_a_person_is_from_gives_the_verb_to_the_person() {
    assert_eq!(
        medals("Lim Jong-hoon of South Korea took bronze in Paris."),
        vec![t("Lim Jong-hoon", "medal", "bronze", "took bronze")]
    );
    assert_eq!(
        medals("Ri Jong Sik (North Korea) won silver."),
        vec![t("Ri Jong Sik", "medal", "silver", "won silver")]
    );
}

#[test]
fn verbs_give_the_medal_to_the_nearest_team_before() {
    assert_eq!(
        medals(
            "The Chinese team clinched gold, North Korea snagged silver, and South Korea settled for bronze."
        ),
        vec![
            t("Wang Chuqin", "medal", "gold", "clinched gold"),
            t("Sun Yingsha", "medal", "gold", "clinched gold"),
            t("Ri Jong Sik", "medal", "silver", "snagged silver"),
            t("Kim Kum Yong", "medal", "silver", "snagged silver"),
            t("Lim Jong-hoon", "medal", "bronze", "settled for bronze"),
            t("Shin Yu-bin", "medal", "bronze", "settled for bronze"),
        ]
    );
    assert_eq!(
        medals(
            "North Korea surprised many with their strong performance, clinching the silver medal, their first Olympic medal since 2016. Meanwhile, South Korea secured the bronze, with China taking home the gold."
        ),
        vec![
            t(
                "Ri Jong Sik",
                "medal",
                "silver",
                "clinching the silver medal"
            ),
            t(
                "Kim Kum Yong",
                "medal",
                "silver",
                "clinching the silver medal"
            ),
            t("Lim Jong-hoon", "medal", "bronze", "secured the bronze"),
            t("Shin Yu-bin", "medal", "bronze", "secured the bronze"),
            t("Wang Chuqin", "medal", "gold", "taking home the gold"),
            t("Sun Yingsha", "medal", "gold", "taking home the gold"),
        ]
    );
    assert_eq!(
        medals(
            "South Korea’s two athletes won bronze in the mixed doubles event on Tuesday with North Korea bagging a silver."
        ),
        vec![
            t("Lim Jong-hoon", "medal", "bronze", "won bronze"),
            t("Shin Yu-bin", "medal", "bronze", "won bronze"),
            t("Ri Jong Sik", "medal", "silver", "bagging a silver"),
            t("Kim Kum Yong", "medal", "silver", "bagging a silver"),
        ]
    );
}

#[test]
fn the_agency_forms_of_country_and_medal() {
    // "NAME of COUNTRY VERB", an article before the country, a relative
    // clause, an elliptical medal after "NAME of COUNTRY", brackets.
    assert_eq!(
        medals("Lim Jong-hoon of the South Korea took bronze, Ri Jong Sik of North Korea silver."),
        vec![
            t("Lim Jong-hoon", "medal", "bronze", "took bronze"),
            t("Ri Jong Sik", "medal", "silver", "North Korea silver"),
        ]
    );
    assert_eq!(
        medals("Wang Chuqin of China, who took gold, and Ri Jong Sik (silver) posed."),
        vec![
            t("Wang Chuqin", "medal", "gold", "took gold"),
            t("Ri Jong Sik", "medal", "silver", "silver"),
        ]
    );
}

#[test]
fn medals_in_the_dev_sets_languages() {
    assert_eq!(
        medals(
            "Wang Chuqin ganó la medalla de oro, Ri Jong Sik la plata y Lim Jong-hoon el bronce."
        ),
        vec![
            t("Wang Chuqin", "medal", "gold", "ganó la medalla de oro"),
            t("Ri Jong Sik", "medal", "silver", "Ri Jong Sik la plata"),
            t(
                "Lim Jong-hoon",
                "medal",
                "bronze",
                "Lim Jong-hoon el bronce"
            ),
        ]
    );
    assert_eq!(
        medals("Lim Jong-hoon a décroché la médaille de bronze devant Ri Jong Sik (argent)."),
        vec![
            t(
                "Lim Jong-hoon",
                "medal",
                "bronze",
                "décroché la médaille de bronze"
            ),
            t("Ri Jong Sik", "medal", "silver", "argent"),
        ]
    );
    assert_eq!(
        medals("Wang Chuqin (China) gewann Gold vor Ri Jong Sik (Nordkorea, Silber)."),
        vec![
            t("Wang Chuqin", "medal", "gold", "gewann Gold"),
            t("Ri Jong Sik", "medal", "silver", "Silber"),
        ]
    );
}

#[test]
fn a_purpose_clause_and_respectively() {
    assert_eq!(
        medals("Wang Chuqin beat Lim Jong-hoon to win gold."),
        vec![t("Wang Chuqin", "medal", "gold", "win gold")]
    );
    assert_eq!(
        medals("Wang Chuqin and Ri Jong Sik won gold and silver respectively."),
        vec![
            t(
                "Wang Chuqin",
                "medal",
                "gold",
                "gold and silver respectively"
            ),
            t(
                "Ri Jong Sik",
                "medal",
                "silver",
                "gold and silver respectively"
            ),
        ]
    );
}

#[test]
fn an_elliptical_country_medal_after_a_verb() {
    assert_eq!(
        medals(
            "After South Korea won bronze and North Korea silver in the mixed doubles behind China, South Korea’s Lim Jong-hoon took a group photo."
        ),
        vec![
            t("Lim Jong-hoon", "medal", "bronze", "won bronze"),
            t("Shin Yu-bin", "medal", "bronze", "won bronze"),
            t("Ri Jong Sik", "medal", "silver", "North Korea silver"),
            t("Kim Kum Yong", "medal", "silver", "North Korea silver"),
        ]
    );
}

#[test]
fn quotations_count_only_for_countries_named_inside_them() {
    assert_eq!(
        medals(
            "Another added, “What a fantastic gesture from North Korean athletes: before receiving their silver medals, they stepped down to salute the South Korean bronze medalists.”"
        ),
        vec![
            t("Ri Jong Sik", "medal", "silver", "their silver medals"),
            t("Kim Kum Yong", "medal", "silver", "their silver medals"),
            t(
                "Lim Jong-hoon",
                "medal",
                "bronze",
                "South Korean bronze medalists"
            ),
            t(
                "Shin Yu-bin",
                "medal",
                "bronze",
                "South Korean bronze medalists"
            ),
        ]
    );
    assert_eq!(
        medals(
            "Lim Jong-hoon smiled. “I congratulated them when they were introduced as Silver medallists,” Lim told Korean media."
        ),
        vec![]
    );
    assert_eq!(medals("“Lim Jong-hoon won silver,” a fan wrote."), vec![]);
}

#[test]
fn the_top_step_of_the_podium_is_gold_for_everyone_named() {
    assert_eq!(
        medals(
            "North Korea’s Ri Jong Sik and Kim Kum Yong and the South’s Shin Yu-bin and Lim Jong-hoon are standing proudly on the top step of the podium in the picture."
        ),
        vec![
            t("Ri Jong Sik", "medal", "gold", "top step of the podium"),
            t("Kim Kum Yong", "medal", "gold", "top step of the podium"),
            t("Shin Yu-bin", "medal", "gold", "top step of the podium"),
            t("Lim Jong-hoon", "medal", "gold", "top step of the podium"),
        ]
    );
    assert_eq!(
        medals("The table tennis stars smiling on top of the podium."),
        vec![]
    );
}

#[test]
fn medal_words_that_are_not_claims() {
    assert_eq!(
        medals("Lim Jong-hoon saw a silver lining in the loss."),
        vec![]
    );
    assert_eq!(
        medals("Lim Jong-hoon watched as China won gold."),
        vec![
            t("Wang Chuqin", "medal", "gold", "won gold"),
            t("Sun Yingsha", "medal", "gold", "won gold"),
        ]
    );
    assert_eq!(
        medals("Lim Jong-hoon congratulated Wang Chuqin, who won gold."),
        vec![t("Wang Chuqin", "medal", "gold", "won gold")]
    );
    assert_eq!(medals("Lim Jong-hoon wore a silver watch."), vec![]);
    assert_eq!(
        medals("North Korea's Ri Jong-sik and Kim Kum-yong China's Wang Chuqin, gold medallists"),
        vec![t("Wang Chuqin", "medal", "gold", "gold medallists")]
    );
}

#[test]
fn a_medal_of_another_games_is_not_this_events() {
    let published = chrono::NaiveDate::from_ymd_opt(2024, 7, 31);
    let medals_then = |text: &str| -> Vec<(String, String, String, String)> {
        claims_of(text, published)
            .into_iter()
            .filter(|c| c.1 == "medal")
            .collect()
    };
    assert_eq!(
        medals_then("Lim Jong-hoon, who won bronze in 2020, took silver in Paris."),
        vec![t("Lim Jong-hoon", "medal", "silver", "took silver")]
    );
    assert_eq!(
        medals_then("Lim Jong-hoon took bronze at Paris 2024."),
        vec![t("Lim Jong-hoon", "medal", "bronze", "took bronze")]
    );
}

#[test]
fn appositions_and_lists_with_a_country_each() {
    assert_eq!(
        medals(
            "Wang Chuqin, 27, of China, gold medallist, and Ri Jong Sik, 23, of North Korea, \
             silver medallist, pose."
        ),
        vec![
            t("Wang Chuqin", "medal", "gold", "gold medallist"),
            t("Ri Jong Sik", "medal", "silver", "silver medallist"),
        ]
    );
    assert_eq!(
        medals(
            "Wang Chuqin of China and Ri Jong Sik of North Korea won gold and silver respectively."
        ),
        vec![
            t(
                "Wang Chuqin",
                "medal",
                "gold",
                "gold and silver respectively"
            ),
            t(
                "Ri Jong Sik",
                "medal",
                "silver",
                "gold and silver respectively"
            ),
        ]
    );
}

#[test]
fn their_medals_in_order() {
    assert_eq!(
        medals("Wang Chuqin and Ri Jong Sik celebrate their gold and silver medals."),
        vec![
            t(
                "Wang Chuqin",
                "medal",
                "gold",
                "their gold and silver medals"
            ),
            t(
                "Ri Jong Sik",
                "medal",
                "silver",
                "their gold and silver medals"
            ),
        ]
    );
    // A list of another length pairs nothing.
    assert_eq!(
        medals("Wang Chuqin, Sun Yingsha and Ri Jong Sik show their gold and silver medals."),
        vec![]
    );
}
