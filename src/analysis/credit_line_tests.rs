use super::*;

fn read(line: &str) -> (Option<String>, Option<String>, Option<String>, Vec<String>) {
    let c = parse(line, &Vocabulary::builtin());
    (c.photographer, c.agency, c.distributor, c.others)
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn photographer_and_agency_in_either_order_and_separator() {
    let spencer = (s("Cameron Spencer"), s("Getty Images"), None, vec![]);
    assert_eq!(
        read("Image Credit: Cameron Spencer / Getty Images"),
        spencer
    );
    assert_eq!(read("Bild: Getty Images / Cameron Spencer"), spencer);
    assert_eq!(read("Cameron Spencer Getty Images"), spencer);
    assert_eq!(read("Cameron Spencer/Getty Images"), spencer);
    assert_eq!(
        read("AP Photo/Evan Vucci"),
        (s("Evan Vucci"), s("Associated Press"), None, vec![])
    );
    assert_eq!(
        read("ADEM ALTAN / AFP"),
        (s("Adem Altan"), s("AFP"), None, vec![])
    );
    assert_eq!(
        read("Photo AFP, Adem Altan"),
        (s("Adem Altan"), s("AFP"), None, vec![])
    );
    assert_eq!(
        read("John Rooney/AP"),
        (s("John Rooney"), s("Associated Press"), None, vec![])
    );
}

#[test]
fn via_names_the_distributor_not_a_second_credit() {
    assert_eq!(
        read("Adem Altan/AFP via Getty Images"),
        (s("Adem Altan"), s("AFP"), s("Getty Images"), vec![])
    );
    assert_eq!(
        read("AFP via Getty Images"),
        (None, s("AFP"), s("Getty Images"), vec![])
    );
    assert_eq!(read("via Getty"), (None, None, s("Getty Images"), vec![]));
    assert_eq!(
        read("Event Horizon Telescope (EHT)/National Science Foundation/Handout via REUTERS"),
        (
            None,
            None,
            s("Reuters"),
            vec![
                "Event Horizon Telescope".to_string(),
                "National Science Foundation".to_string()
            ]
        )
    );
    assert_eq!(
        read("Photo: Event Horizon Telescope Collaboration, via National Science Foundation."),
        (
            None,
            None,
            s("National Science Foundation"),
            vec!["Event Horizon Telescope Collaboration".to_string()]
        )
    );
}

#[test]
fn lead_cues_years_dashes_and_brackets_are_dropped() {
    assert_eq!(
        read("(c)1965 Associated Press"),
        (None, s("Associated Press"), None, vec![])
    );
    assert_eq!(
        read("-- Photo by Neil Leifer, Sports Illustrated"),
        (
            s("Neil Leifer"),
            None,
            None,
            vec!["Sports Illustrated".to_string()]
        )
    );
    assert_eq!(
        read("Photo by Neil Leifer"),
        (s("Neil Leifer"), None, None, vec![])
    );
    assert_eq!(
        read("File Photo by David Maxwell/EPA-EFE"),
        (s("David Maxwell"), s("EPA"), None, vec![])
    );
    assert_eq!(
        read("Kai Oliver Pfaffenbach (Germany)"),
        (s("Kai Oliver Pfaffenbach"), None, None, vec![])
    );
    assert_eq!(
        read("Bettmann/Getty Images"),
        (None, s("Bettmann"), None, vec!["Getty Images".to_string()])
    );
    assert_eq!(
        read("Credit: AP"),
        (None, s("Associated Press"), None, vec![])
    );
    assert_eq!(
        read("Banner photo credit: Reuters"),
        (None, s("Reuters"), None, vec![])
    );
    assert_eq!(
        read("© EHT Collaboration"),
        (None, None, None, vec!["EHT Collaboration".to_string()])
    );
    assert_eq!(
        read("(Credit: Event Horizon Telescope Collaboration)"),
        (
            None,
            None,
            None,
            vec!["Event Horizon Telescope Collaboration".to_string()]
        )
    );
}

#[test]
fn the_owner_is_the_agency_else_an_organisation_else_the_distributor() {
    let vocab = Vocabulary::builtin();
    let owner = |line: &str| parse(line, &vocab).owner().map(str::to_string);
    assert_eq!(owner("Adem Altan/AFP via Getty Images"), s("AFP"));
    assert_eq!(
        owner("-- Photo by Neil Leifer, Sports Illustrated"),
        s("Sports Illustrated")
    );
    assert_eq!(owner("via Shutterstock"), s("Shutterstock"));
    assert_eq!(owner("Photo by Neil Leifer"), None);
}

#[test]
fn nothing_and_nonsense_give_no_parts() {
    assert_eq!(read(""), (None, None, None, vec![]));
    assert_eq!(read("  --  "), (None, None, None, vec![]));
    assert_eq!(read("Handout"), (None, None, None, vec![]));
    assert_eq!(read("(((/)))"), (None, None, None, vec![]));
}

#[test]
fn the_shapes_wire_desks_write() {
    assert_eq!(
        read("REUTERS/Kai Pfaffenbach"),
        (s("Kai Pfaffenbach"), s("Reuters"), None, vec![])
    );
    assert_eq!(
        read("Photo: Cameron Spencer for Getty Images"),
        (s("Cameron Spencer"), s("Getty Images"), None, vec![])
    );
    assert_eq!(
        read("Courtesy of the National Science Foundation"),
        (
            None,
            None,
            None,
            vec!["National Science Foundation".to_string()]
        )
    );
    assert_eq!(
        read("Foto: dpa/Michael Kappeler"),
        (s("Michael Kappeler"), s("dpa"), None, vec![])
    );
    assert_eq!(
        read("Fotoğraf: Adem Altan | AFP"),
        (s("Adem Altan"), s("AFP"), None, vec![])
    );
}
