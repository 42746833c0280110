//! `wabridge::phone` against libphonenumber-js: every vector of tests/fixtures/phone/vectors.json
//! (example numbers written several ways and broken several ways, each answered by the library
//! itself; scripts/phone-metadata.mjs writes them), inputs that must be refused without a panic,
//! and the generated files' drift from the generator.
//!
//! The subset checks less than libphonenumber (lengths and first digits, no full patterns), so
//! a few answers differ. Two kinds are allowed, and every one is counted:
//! - **stricter**: libphonenumber reads a number whose length is possible but which it finds
//!   invalid, and the subset refuses it for its first digit (the FIRST set of that length);
//! - **known**: the vectors in [`KNOWN_DISAGREEMENTS`], each with its reason; the test fails
//!   when one of them starts agreeing, so the list stays true.
//!
//! Any other difference fails the test.

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use wabridge::phone::{self, PhoneError, PhoneNumber};

/// Vectors (input, region) where the subset answers otherwise than libphonenumber-js, and why.
const KNOWN_DISAGREEMENTS: &[(&str, Option<&str>, &str)] = &[
    // Digits that start with the region's own calling code, read with that region: both readings
    // pass the subset's checks, and it keeps the national one (libphonenumber's choice when the
    // whole number matches the region's patterns, which the subset cannot test). With '+', or
    // without region, these read as libphonenumber reads them.
    ("393123456789", Some("IT"), "ambiguous: +39 3123456789, or a 12-digit national number starting with 3"),
    ("393123456789", Some("VA"), "ambiguous: as IT (Vatican City shares +39)"),
    ("923012345678", Some("PK"), "ambiguous: +92 3012345678, or a 12-digit national number starting with 9"),
    ("358345678", Some("AX"), "ambiguous: +358 345678, or a 9-digit national number starting with 3"),
    // Trunk prefix: the national number with its 0 passes the subset (JP has 12-digit numbers
    // starting with 0) and without it does not, so the 0 is kept; libphonenumber's patterns say
    // the opposite. The input has a digit too many: libphonenumber finds it invalid as well.
    ("090-1234-56785", Some("JP"), "ambiguous trunk 0 on an invalid number"),
    // National prefix rules beyond a plain prefix (the module doc says so): refused, not misread.
    ("011 15-2345-6789", Some("AR"), "Argentina's mobile 15 after the area code becomes a 9 before it"),
    ("+241060312345", None, "Gabon's rule turns 0 + 8 digits into the 8 digits"),
    // Lengths of a region that shares its code: libphonenumber picks Bonaire (+599) and Tristan da
    // Cunha (+290) by their leading digits and applies their own lengths; the subset unites the
    // lengths of the regions sharing a code, and refuses these for their first digit instead.
    ("+59931812345", None, "refused as first_digit, not length: +599 8-digit numbers are Curaçao's, starting with 9"),
    ("318 12345", Some("BQ"), "refused as first_digit, not length: as +59931812345"),
    (
        "+29089995",
        None,
        "refused as first_digit, not length: +290 5-digit numbers are St Helena's, starting with 2, 5, 6",
    ),
    ("89995", Some("TA"), "refused as first_digit, not length: as +29089995"),
];

/// The vectors' name for an error.
fn category(error: &PhoneError) -> &'static str {
    match error {
        PhoneError::Empty => "empty",
        PhoneError::NotANumber(_) | PhoneError::MisplacedPlus => "not_a_number",
        // libphonenumber's INVALID_COUNTRY without a default region, for a national number or
        // an international dialling prefix alike.
        PhoneError::NationalWithoutRegion | PhoneError::DiallingPrefixWithoutRegion { .. } => "national_without_region",
        PhoneError::UnknownRegion(_) => "unknown_region",
        PhoneError::UnassignedCountryCode(_) => "unassigned_calling_code",
        PhoneError::TooShort { .. } | PhoneError::TooLong { .. } | PhoneError::WrongLength { .. } => "length",
        PhoneError::InvalidPrefix { .. } => "first_digit",
        // Digits written out without '+' or region: the reason their international reading failed.
        PhoneError::ReadWithoutPlus(reason) | PhoneError::InternationalInRegion { reason, .. } => category(reason),
    }
}

fn vectors() -> Vec<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phone/vectors.json");
    let text =
        std::fs::read_to_string(&path).expect("tests/fixtures/phone/vectors.json (node scripts/phone-metadata.mjs)");
    let document: Value = serde_json::from_str(&text).expect("vectors.json is JSON");
    document["vectors"].as_array().expect("a vectors array").clone()
}

/// What `parse` answers, in the vectors' terms: the digits, or the error's category.
fn answer(input: &str, region: Option<&str>) -> Result<String, &'static str> {
    phone::parse(input, region).map(|number| number.digits()).map_err(|error| category(&error))
}

#[test]
fn agrees_with_libphonenumber_on_every_vector() {
    let vectors = vectors();
    let (mut agreed, mut stricter, mut known) = (0, 0, Vec::new());
    let mut disagreements = Vec::new();
    for vector in &vectors {
        let input = vector["input"].as_str().expect("input");
        let region = vector["region"].as_str();
        let expected = match (vector["expect"]["digits"].as_str(), vector["expect"]["error"].as_str()) {
            (Some(digits), _) => Ok(digits.to_owned()),
            (None, Some(error)) => Err(error),
            _ => panic!("vector without expectation: {vector}"),
        };
        let actual = answer(input, region);
        let listed = KNOWN_DISAGREEMENTS.iter().any(|&(i, r, _)| i == input && r == region);
        if actual == expected {
            assert!(!listed, "{input:?} in {region:?} agrees now: take it off KNOWN_DISAGREEMENTS");
            agreed += 1;
        } else if expected.is_ok() && vector["library"] == "possible, not valid" && actual == Err("first_digit") {
            stricter += 1;
        } else if listed {
            known.push(input);
        } else {
            disagreements.push(format!("{vector}\n    parse: {actual:?}"));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} vectors disagree:\n{}",
        disagreements.len(),
        vectors.len(),
        disagreements.join("\n")
    );
    assert_eq!(known.len(), KNOWN_DISAGREEMENTS.len(), "every known disagreement is a vector");
    eprintln!(
        "{} vectors: {agreed} agree, {stricter} refused as stricter (first digit), {} known disagreements",
        vectors.len(),
        known.len()
    );
    assert!(agreed > 1500, "too few vectors agree: {agreed}");
}

#[test]
fn the_briefs_regions_have_vectors() {
    let vectors = vectors();
    let regions = "US CA GB DE FR ES IT NL BR MX AR IN ID NG ZA KE EG TR RU JP CN AU NZ SG AE SA IL PK PH CO CL PE PL UA \
                   SE CH BE PT VN TH";
    for region in regions.split(' ') {
        let case = format!("{region} mobile, ");
        let count = vectors.iter().filter(|v| v["case"].as_str().is_some_and(|c| c.starts_with(&case))).count();
        assert!(count >= 8, "{region} has {count} vectors");
    }
    for error in ["national_without_region", "unassigned_calling_code", "length", "first_digit"] {
        assert!(vectors.iter().any(|v| v["expect"]["error"] == error), "no vector expects {error}");
    }
}

#[test]
fn refuses_what_is_not_a_number_without_panicking() {
    let cases: &[(&str, &str)] = &[
        ("", "empty"),
        ("   ", "empty"),
        ("+", "empty"),
        ("()-./", "empty"),
        ("abc", "not_a_number"),
        ("+44 20 7946 0958 ext. 12", "not_a_number"),
        ("+44 2O 7946 0958", "not_a_number"),
        ("++1 650 555 1234", "not_a_number"),
        ("+1 650 +555 1234", "not_a_number"),
        ("1+6505551234", "not_a_number"),
        ("١٢٣", "not_a_number"),
        ("+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨", "not_a_number"),
        ("+44\t20 7946 0958", "not_a_number"),
        ("tel:+16505551234", "not_a_number"),
        ("+0", "unassigned_calling_code"),
        ("+1", "length"),
        ("+44", "length"),
        ("+4", "unassigned_calling_code"),
        ("0", "national_without_region"),
    ];
    for &(input, expected) in cases {
        assert_eq!(answer(input, None), Err(expected), "{input:?}");
    }
    assert_eq!(phone::parse("020 7946 0958", Some("")), Err(PhoneError::UnknownRegion(String::new())));
    assert_eq!(phone::parse("020 7946 0958", Some("001")), Err(PhoneError::UnknownRegion("001".to_owned())));
    assert_eq!(phone::parse("020", Some("ÉÉ")), Err(PhoneError::UnknownRegion("ÉÉ".to_owned())));
    assert!(matches!(phone::parse("020", Some("G\u{301}B")), Err(PhoneError::UnknownRegion(_))));
}

#[test]
fn very_long_and_odd_inputs_are_refused_not_panicked() {
    let long_digits = "4".repeat(100_000);
    let Err(PhoneError::ReadWithoutPlus(reason)) = phone::parse(&long_digits, None) else { panic!("refused as read") };
    assert!(matches!(*reason, PhoneError::TooLong { country_code: 44, .. }));
    assert!(matches!(phone::parse(&format!("+{long_digits}"), Some("GB")), Err(PhoneError::TooLong { .. })));
    assert!(matches!(phone::parse(&"0".repeat(100_000), Some("GB")), Err(PhoneError::TooLong { .. })));
    assert!(phone::parse(&"-".repeat(100_000), None).is_err());
    assert!(phone::parse(&"a".repeat(100_000), None).is_err());
    // Every short string over the characters that matter, with and without regions: no panic,
    // and any number read passes its own checks again in international form.
    let alphabet = ['0', '1', '4', '9', '+', ' ', '(', ')', 'x', '٣'];
    let regions = [None, Some("GB"), Some("US"), Some("BY"), Some("AU"), Some("xx")];
    let mut text = String::new();
    for n in 0..100_000u32 {
        text.clear();
        let mut rest = n;
        for _ in 0..5 {
            text.push(alphabet[(rest % 10) as usize]);
            rest /= 10;
        }
        for region in regions {
            if let Ok(number) = phone::parse(&text, region) {
                assert_eq!(phone::parse(&number.e164(), None).as_ref(), Ok(&number), "{text:?} in {region:?}");
            }
        }
    }
}

#[test]
fn output_forms_and_calling_codes() {
    let number = phone::parse("+1 (650) 555-1234", None).expect("a valid number");
    assert_eq!(number, PhoneNumber { country_code: 1, national: "6505551234".to_owned() });
    assert_eq!((number.digits().as_str(), number.e164().as_str()), ("16505551234", "+16505551234"));
    for code in [1, 7, 44, 49, 55, 91, 262, 800, 882, 979] {
        assert!(phone::is_calling_code(code), "+{code}");
    }
    for code in [0, 28, 83, 210, 999, 1000, u16::MAX] {
        assert!(!phone::is_calling_code(code), "+{code}");
    }
}

#[test]
fn errors_read_as_sentences_with_limits() {
    let too_short = phone::parse("+44 20 79", None).expect_err("too short");
    assert!(too_short.is_length());
    assert_eq!(too_short.limit(), Some(7.0));
    assert_eq!(
        too_short.to_string(),
        "+44 numbers have 7, 9 or 10 national digits (after the country code); this one has 4"
    );
    let too_long = phone::parse("+33 6 12 34 56 78 9", None).expect_err("too long");
    assert_eq!((too_long.is_length(), too_long.limit()), (true, Some(9.0)));
    assert_eq!(too_long.to_string(), "+33 numbers have 9 national digits (after the country code); this one has 10");
    let national = phone::parse("06 12 34 56 78", None).expect_err("no region");
    assert_eq!((national.is_length(), national.limit()), (false, None));
    assert_eq!(national.to_string(), "a national number needs its region (or write it with +country code)");
}

/// Without a region, libphonenumber-js refuses a bracketed area code and an international
/// dialling prefix alike (INVALID_COUNTRY); so does the subset, with a reason that says what
/// the input is rather than what its digits would be read as (`(650)…` is not +65).
#[test]
fn national_writings_and_dialling_prefixes_need_a_region() {
    let national = "a national number needs its region (or write it with +country code)";
    for input in ["(650) 555-1234", " (650) 555-1234", "(0)20 7946 0958", "020 7946 0958", "011 15-2345-6789"] {
        let error = phone::parse(input, None).expect_err(input);
        assert_eq!(error, PhoneError::NationalWithoutRegion, "{input:?}");
        assert_eq!(error.to_string(), national, "{input:?}");
    }
    let prefixed: &[(&str, &str, &str)] = &[
        ("00 44 20 7946 0958", "00", "+442079460958"),
        ("0044 20 7946 0958", "00", "+442079460958"),
        ("011 44 20 7946 0958", "011", "+442079460958"),
        ("0011 61 412 345 678", "0011", "+61412345678"),
        ("00 1 650 555 1234", "00", "+16505551234"),
    ];
    for &(input, prefix, e164) in prefixed {
        let error = phone::parse(input, None).expect_err(input);
        assert!(
            matches!(&error, PhoneError::DiallingPrefixWithoutRegion { prefix: p, number } if *p == prefix && number.e164() == e164),
            "{input:?}: {error:?}"
        );
        assert_eq!(
            error.to_string(),
            format!(
                "{prefix} is an international dialling prefix only in the regions that dial out with it: write + in \
                 its place ({e164}), or give the region it is dialled from"
            ),
            "{input:?}"
        );
    }
    // With the region they are dialled from, they are read; '+' and bare digits need none.
    let read = |input: &str, region| phone::parse(input, region).map(|n| n.e164());
    assert_eq!(read("(650) 555-1234", Some("US")).as_deref(), Ok("+16505551234"));
    assert_eq!(read("00 44 20 7946 0958", Some("DE")).as_deref(), Ok("+442079460958"));
    assert_eq!(read("011 44 20 7946 0958", Some("US")).as_deref(), Ok("+442079460958"));
    assert_eq!(read("+1 (650) 555-1234", None).as_deref(), Ok("+16505551234"));
    assert_eq!(read("16505551234", None).as_deref(), Ok("+16505551234"));
}

/// The committed tables and vectors are what the generator writes from the installed
/// libphonenumber-js; skipped (with a note) where Node or the package is not installed.
#[test]
fn generated_files_match_the_generator() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join("node_modules/libphonenumber-js/metadata.min.json").exists() {
        eprintln!("skipped: node_modules/libphonenumber-js is not installed (npm ci)");
        return;
    }
    let output = match Command::new("node").arg("scripts/phone-metadata.mjs").arg("--check").current_dir(root).output()
    {
        Ok(output) => output,
        Err(error) => {
            eprintln!("skipped: node does not run ({error})");
            return;
        }
    };
    assert!(
        output.status.success(),
        "node scripts/phone-metadata.mjs --check:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
