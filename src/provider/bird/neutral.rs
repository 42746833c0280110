//! The neutral model ⇄ Bird's request, where the two say the same thing. Bird's page maps
//! WhatsApp's messages to its body types: images and stickers are `image`, audio, documents
//! and videos `file`, quick-reply buttons a text with postback actions, a CTA URL a text
//! with a link action, a location request a text with a locationRequest action. What one
//! side says and the other cannot is `unsupported`, naming it: never dropped.

use super::PROVIDER;
use super::model::*;
use super::read::BSUID_IDENTIFIER_KEY;
use crate::error::{BodyError, Unsupported};
use crate::http::url::ascii_url;
use crate::limits::BIRD_INLINE_ATTACHMENT_MAX_BYTES;
use crate::message::{
    CardCtaUrl, Carousel as NeutralCarousel, CarouselCard, ComponentParameters, Content, CtaUrl, Header,
    List as NeutralList, ListRow, ListSection, Location as NeutralLocation, LocationRequest, Media, MediaKind, Message,
    Recipient, ReplyButton, ReplyButtons, Template as NeutralTemplate, TemplateComponent, TemplateLanguage,
    TemplateParameter as NeutralParameter, Text as NeutralText, TextParameter,
};
use crate::validate::ViolationCode;

fn cannot(what: impl Into<String>) -> BodyError {
    Unsupported::cannot(PROVIDER, what).into()
}

/// Bird cannot carry the field at `path` of the neutral message.
fn cannot_at(what: impl Into<String>, path: impl Into<String>) -> BodyError {
    Unsupported::cannot(PROVIDER, what).at(path).into()
}

/// Bird identifies WhatsApp recipients by phone number in E.164 form, `+` included.
fn e164(to: &str) -> String {
    if to.starts_with('+') { to.to_string() } else { format!("+{to}") }
}

/// A valid neutral message as Bird's request (`delivery` left empty: the caller's options).
pub(super) fn to_bird(message: &Message) -> Result<BirdRequest, BodyError> {
    let payload = match &message.content {
        Content::Template(t) => Payload::Template(template(t)?),
        content => Payload::Body(body(content)?),
    };
    let contact = match message.recipient() {
        Some(Recipient::Contact(id)) => {
            Contact { id: Some(id.to_string()), identifier_key: None, identifier_value: None }
        }
        // A customer whose number is hidden: by their business-scoped user id (Bird's BSUIDs).
        Some(Recipient::UserId(id)) => Contact {
            id: None,
            identifier_key: Some(BSUID_IDENTIFIER_KEY.into()),
            identifier_value: Some(id.to_string()),
        },
        // `to` as given when it is already +E.164 (a Bird body written back as it was read).
        _ => Contact {
            id: None,
            identifier_key: Some("phonenumber".into()),
            identifier_value: Some(e164(&message.phone_digits().unwrap_or_else(|| message.to.clone()))),
        },
    };
    Ok(BirdRequest {
        contacts: vec![contact],
        payload,
        reply_to: message.reply_to.as_ref().map(|id| ReplyTo { id: id.clone(), kind: ReplyKind::Message, order: None }),
        // Your reference, echoed in status webhooks: what Meta calls biz_opaque_callback_data.
        delivery: Delivery { reference: message.callback_data.clone(), ..Delivery::default() },
    })
}

/// A neutral content's header and footer, which Bird's bodies have no place for (a list's
/// text header is its title; reply buttons' media header is the image or file body they go
/// on).
fn no_frame(kind: &str, header: Option<&Header>, footer: Option<&String>) -> Result<(), BodyError> {
    if footer.is_some() {
        return Err(cannot_at(format!("{kind} footer"), "/content/footer"));
    }
    match header {
        None => Ok(()),
        Some(Header::Text(_)) if kind == "list" => Ok(()),
        Some(Header::Image(_) | Header::Video(_) | Header::Document(_)) if kind == "replyButtons" => Ok(()),
        // Bird's text body has no title: only a media header has a place (its media body).
        Some(Header::Text(_)) if kind == "replyButtons" => {
            Err(cannot_at("replyButtons text header", "/content/header"))
        }
        Some(_) => Err(cannot_at(format!("{kind} header"), "/content/header")),
    }
}

/// A media's URL — a link, or an inline `data:` URI within Bird's 100 KB —; `at` is the
/// media object's pointer.
fn media_url(media: &Media, kind: &str, at: &str) -> Result<String, BodyError> {
    let url = link(media, kind, at)?;
    match crate::message::media::data_uri_bytes(&url).and_then(super::read::inline_too_large) {
        Some(message) => Err(BodyError::Invalid(vec![crate::validate::Violation {
            path: format!("{at}/link"),
            code: crate::validate::ViolationCode::TooLong,
            message,
            limit: Some(BIRD_INLINE_ATTACHMENT_MAX_BYTES as f64),
        }])),
        None => Ok(url),
    }
}

/// A media's URL, in ASCII (Bird's URLs are `format: uri`); `at` is the media object's pointer.
fn link(media: &Media, kind: &str, at: &str) -> Result<String, BodyError> {
    let by_id = || cannot_at(format!("{kind} by media id (Bird takes media by URL: give link)"), format!("{at}/id"));
    bird_url(media.link.as_deref().ok_or_else(by_id)?, format!("{at}/link"))
}

/// The URLs of a message that Bird's body carries (`bird_url`), each at its neutral pointer:
/// the media's link, a header's, a CTA's URL, a carousel card's media and link.
fn urls(content: &Content) -> Vec<(String, &str)> {
    // (A CTA URL's header Bird refuses: no URL of it is sent.)
    let header = match content {
        Content::ReplyButtons(c) => c.header.as_ref(),
        _ => None,
    };
    let mut media: Vec<(String, Option<&Media>)> = vec![
        ("/content".into(), content.media().map(|(_, m)| m)),
        ("/content/header".into(), header.and_then(Header::media).map(|(_, m)| m)),
    ];
    let mut out = Vec::new();
    if let Content::CtaUrl(c) = content {
        out.push(("/content/url".into(), c.url.as_str()));
    }
    if let Content::Carousel(carousel) = content {
        for (i, card) in carousel.cards.iter().enumerate() {
            media.push((format!("/content/cards/{i}/header"), card.header.media().map(|(_, m)| m)));
            if let Some(cta) = &card.cta_url {
                out.push((format!("/content/cards/{i}/ctaUrl/url"), cta.url.as_str()));
            }
        }
    }
    out.extend(media.into_iter().filter_map(|(at, m)| Some((format!("{at}/link"), m?.link.as_deref()?))));
    out
}

/// The URLs Bird is sent spelled otherwise (in ASCII, percent-encoded: the same URL, as a
/// browser requests it), each a change said rather than made silently.
pub(super) fn respelled_urls(message: &Message) -> Vec<super::super::codec::Approximation> {
    urls(&message.content)
        .into_iter()
        .filter(|(_, url)| matches!(ascii_url(url), Some(std::borrow::Cow::Owned(_))))
        .map(|(pointer, _)| {
            let field = pointer[1..].replace('/', ".");
            let why = format!(
                "bird takes URLs in ASCII: {field} sent percent-encoded (the same URL, as a browser requests it)"
            );
            super::super::codec::Approximation { pointer, reshaped: true, why }
        })
        .collect()
}

/// A URL in ASCII, as Bird's URL fields (`format: uri`) take it (`ascii_url`); one whose host
/// is not ASCII is refused at `at`: its punycode spelling is the caller's to give.
fn bird_url(url: &str, at: String) -> Result<String, BodyError> {
    ascii_url(url).map(|url| url.into_owned()).ok_or_else(|| {
        BodyError::Invalid(vec![crate::validate::Violation {
            path: at,
            code: crate::validate::ViolationCode::InvalidFormat,
            message: format!(
                "Bird takes URLs in ASCII: write the host (and any user name) in ASCII, a host in punycode (xn--…) (got {url:?})"
            ),
            limit: None,
        }])
    })
}

/// The file a message sends in Bird's file body — its kind, its media and the media object's
/// pointer —: a video, audio or document, or the video or document header of reply buttons.
pub(super) fn file_media(content: &Content) -> Option<(MediaKind, &Media, &'static str)> {
    match content {
        Content::Video(_) | Content::Audio(_) | Content::Document(_) => {
            content.media().map(|(kind, media)| (kind, media, "/content"))
        }
        Content::ReplyButtons(ReplyButtons { header: Some(header), .. }) => match header.media()? {
            (MediaKind::Image, _) => None,
            (kind, media) => Some((kind, media, "/content/header")),
        },
        _ => None,
    }
}

/// The MIME type Bird's file body needs, where a linked file's message gives none: the one
/// its link's extension names (`…/clip.mp4`), or its filename's (`report.pdf`), with the
/// field it was read from (`link` or `filename`). `None` when the message gives a type, the
/// file is inline (its `data:` URL names the type), neither extension names one of the kind's
/// types, or the two name different ones: then the type is asked for, not guessed.
pub(super) fn inferred_mime_type(kind: MediaKind, m: &Media) -> Option<(&'static str, &'static str)> {
    m.link.as_deref().filter(|l| m.mime_type.is_none() && !l.starts_with("data:"))?;
    match extension_types(kind, m) {
        (Some(a), Some(b)) if a != b => None,
        (Some(t), _) => Some(("link", t)),
        (None, Some(t)) => Some(("filename", t)),
        (None, None) => None,
    }
}

/// The MIME types of `kind` that the extensions of a file's link and filename name.
fn extension_types(kind: MediaKind, m: &Media) -> (Option<&'static str>, Option<&'static str>) {
    let by = |name: Option<&str>| name.and_then(|name| crate::message::media::mime_for_extension(kind, name));
    (by(m.link.as_deref()), by(m.filename.as_deref()))
}

/// Whether a file's link and filename both name a MIME type by their extensions, and not the same.
fn disagree(kind: MediaKind, m: &Media) -> bool {
    matches!(extension_types(kind, m), (Some(a), Some(b)) if a != b)
}

/// A file (video, audio or document) as Bird's file item; `at` is the media object's pointer.
fn file(kind: MediaKind, m: &Media, at: &str) -> Result<File, BodyError> {
    let noun = kind.name();
    // By URL first: a file by media id is refused as such, not asked for its type.
    let media_url = media_url(m, noun, at)?;
    // An inline file names its type itself; a linked one may by its extension.
    let inline_type = m.link.as_deref().and_then(crate::message::media::data_uri_type);
    let inferred = || inferred_mime_type(kind, m).map(|(_, t)| t);
    // Bird takes a bare type as WhatsApp lists it: `audio/ogg; codecs=opus` (how Meta names a
    // voice note's type) or `AUDIO/OGG` is sent as `audio/ogg`; the model has checked it is
    // one of the kind's types, which are told apart by type alone.
    let given = m.mime_type.as_deref().map(|t| crate::message::media::listed_mime_type(t).unwrap_or(t));
    let Some(content_type) = given.or(inline_type).or_else(inferred).map(str::to_string) else {
        return Err(BodyError::Invalid(vec![crate::validate::Violation {
            path: format!("{at}/mimeType"),
            code: crate::validate::ViolationCode::Required,
            message: format!(
                "Bird sends {noun}s as files and needs their MIME type: give {}.mimeType (or a link or filename whose extension names one{})",
                at[1..].replace('/', "."),
                // Both name one, and not the same: which is meant is the sender's to say.
                if disagree(kind, m) { "; the link's and the filename's extensions name different types" } else { "" }
            ),
            limit: None,
        }]));
    };
    Ok(File { media_url, content_type, filename: m.filename.clone(), alt_text: None })
}

fn body(content: &Content) -> Result<Body, BodyError> {
    Ok(match content {
        Content::Text(t) => Body::Text(Text { text: t.body.clone(), actions: None, preview_url: t.preview_url }),
        // An inline sticker is WebP (the model's rule), which Bird's image body does not take.
        Content::Sticker(m) if m.link.as_deref().and_then(crate::message::media::data_uri_type).is_some() => {
            let what = "sticker given inline (a WebP: Bird sends stickers as images, JPEG or PNG; give a link)";
            return Err(cannot_at(what, "/content/link"));
        }
        Content::Image(m) | Content::Sticker(m) => Body::Image(Images {
            text: m.caption.clone(),
            images: vec![Image { media_url: media_url(m, content.kind(), "/content")?, alt_text: None }],
            actions: None,
        }),
        Content::Video(m) | Content::Audio(m) | Content::Document(m) => {
            if m.voice == Some(true) {
                return Err(cannot_at("audio voice note", "/content/voice"));
            }
            let kind = match content {
                Content::Video(_) => MediaKind::Video,
                Content::Audio(_) => MediaKind::Audio,
                _ => MediaKind::Document,
            };
            Body::File(Files { text: m.caption.clone(), files: vec![file(kind, m, "/content")?], actions: None })
        }
        Content::Location(l) => Body::Location(Location {
            latitude: l.latitude,
            longitude: l.longitude,
            label: l.name.clone(),
            address: l.address.clone(),
        }),
        Content::LocationRequest(l) => Body::Text(Text {
            text: l.body.clone(),
            actions: Some(vec![Action::LocationRequest { text: None }]),
            preview_url: None,
        }),
        Content::ReplyButtons(b) => {
            no_frame("replyButtons", b.header.as_ref(), b.footer.as_ref())?;
            let actions = b
                .buttons
                .iter()
                .map(|button| Action::Postback {
                    text: button.title.clone(),
                    payload: Some(button.id.clone()),
                    description: None,
                })
                .collect();
            // Bird's page: reply buttons under an image are an image body with postbacks, under
            // a video or document a file body with them (the body text is the media's text).
            let text = Some(b.body.clone());
            match b.header.as_ref().and_then(Header::media) {
                None => Body::Text(Text { text: b.body.clone(), actions: Some(actions), preview_url: None }),
                Some((MediaKind::Image, m)) => Body::Image(Images {
                    text,
                    images: vec![Image { media_url: media_url(m, "image", "/content/header")?, alt_text: None }],
                    actions: Some(actions),
                }),
                Some((kind, m)) => {
                    Body::File(Files { text, files: vec![file(kind, m, "/content/header")?], actions: Some(actions) })
                }
            }
        }
        Content::CtaUrl(c) => {
            no_frame("ctaUrl", c.header.as_ref(), c.footer.as_ref())?;
            let action = Action::Link { text: c.display_text.clone(), url: bird_url(&c.url, "/content/url".into())? };
            Body::Text(Text { text: c.body.clone(), actions: Some(vec![action]), preview_url: None })
        }
        Content::List(l) => {
            no_frame("list", l.header.as_ref(), l.footer.as_ref())?;
            let sections = l
                .sections
                .iter()
                .map(|s| Section {
                    title: s.title.clone(),
                    actions: s
                        .rows
                        .iter()
                        .map(|row| Action::Postback {
                            text: row.title.clone(),
                            payload: Some(row.id.clone()),
                            description: row.description.clone(),
                        })
                        .collect(),
                })
                .collect();
            let title = match &l.header {
                Some(Header::Text(h)) => Some(h.text.clone()),
                _ => None,
            };
            Body::List(List {
                title,
                text: l.body.clone(),
                alt_text: None,
                sections,
                button_label: Some(l.button.clone()),
            })
        }
        Content::Carousel(c) => {
            let items = c.cards.iter().enumerate().map(|(i, card)| carousel_card(i, card)).collect::<Result<_, _>>()?;
            Body::Carousel(Carousel { text: c.body.clone(), items })
        }
        // The kind table refuses the rest before a message is written.
        other => return Err(cannot(other.kind())),
    })
}

/// A neutral carousel card (a media header, a body text and a CTA URL button) as Bird's card:
/// WhatsApp shows one text per card, which Bird calls the card's `title` (required).
fn carousel_card(index: usize, card: &CarouselCard) -> Result<Card, BodyError> {
    let at = format!("/content/cards/{index}");
    let media = match &card.header {
        Header::Image(m) | Header::Video(m) => m,
        _ => return Err(cannot_at("carousel card header other than image or video", format!("{at}/header"))),
    };
    if card.buttons.is_some() {
        return Err(cannot_at("carousel card quick-reply buttons (Bird cards take one link)", format!("{at}/buttons")));
    }
    let Some(cta) = &card.cta_url else { return Err(cannot_at("carousel card without a link button", at)) };
    let kind = if matches!(card.header, Header::Image(_)) { "image" } else { "video" };
    let media_url = link(media, kind, &format!("{at}/header"))?;
    // Bird's card has no media type: its URL's extension says it (see `read::card_kind`).
    if super::read::card_kind(&media_url) != Some(kind) {
        return Err(BodyError::Invalid(vec![crate::validate::Violation {
            path: format!("{at}/header/link"),
            code: crate::validate::ViolationCode::InvalidFormat,
            message: format!(
                "Bird tells a card's media type by its URL: an {kind} card's link must end in {}",
                if kind == "image" { ".jpg, .jpeg or .png" } else { ".mp4, .3gp or .3gpp" }
            ),
            limit: None,
        }]));
    }
    Ok(Card {
        title: card.body.clone().ok_or_else(|| {
            BodyError::Invalid(vec![crate::validate::Violation {
                path: format!("/content/cards/{index}/body"),
                code: crate::validate::ViolationCode::Required,
                message: "a Bird carousel card needs a title: give the card a body".into(),
                limit: None,
            }])
        })?,
        description: None,
        media_url,
        alt_text: None,
        actions: vec![Action::Link {
            text: cta.display_text.clone(),
            url: bird_url(&cta.url, format!("/content/cards/{index}/ctaUrl/url"))?,
        }],
    })
}

/// Bird's request as a neutral message, where it says nothing the neutral model cannot.
pub(super) fn from_bird(q: &BirdRequest) -> Result<Message, BodyError> {
    let [contact] = q.contacts.as_slice() else {
        return Err(neutral_lacks("request to several receivers", "/receiver/contacts"));
    };
    // A receiver by phone number, or by contact id: the neutral `to` takes either.
    let Some(to) = contact.identifier_value.as_ref().or(contact.id.as_ref()) else {
        return Err(neutral_lacks("receiver without a phone number or contact id", "/receiver/contacts/0"));
    };
    let d = &q.delivery;
    let options = [
        ("meta.extraInformation", d.extra_information.is_some()),
        ("capFrequency", d.cap_frequency.is_some()),
        ("enableLinkTracking", d.enable_link_tracking.is_some()),
        ("ignoreQuietHours", d.ignore_quiet_hours.is_some()),
        ("ignoreGlobalHoldout", d.ignore_global_holdout.is_some()),
        ("tags", d.tags.is_some()),
        ("shortLinks", d.short_links_domain.is_some()),
        ("scheduledFor", d.scheduled_for.is_some()),
        ("validity", d.validity.is_some()),
    ];
    if let Some((name, _)) = options.iter().find(|(_, given)| *given) {
        return Err(neutral_lacks(name, &format!("/{}", name.replace('.', "/"))));
    }
    let reply_to = match &q.reply_to {
        Some(ReplyTo { id, kind: ReplyKind::Message, order: None }) => Some(id.clone()),
        Some(_) => return Err(neutral_lacks("replyTo to a click or referral, or with an order", "/replyTo")),
        None => None,
    };
    let content = match &q.payload {
        Payload::Body(body) => content(body)?,
        Payload::Template(t) => Content::Template(from_template(t)?),
    };
    let mut message = Message::new(to.clone(), content);
    message.reply_to = reply_to;
    message.callback_data = d.reference.clone();
    Ok(message)
}

/// Takes out of `q` what Bird says that the neutral model has no field for but without which
/// the message still says its main thing: the delivery options (when and how Bird delivers it,
/// how it tracks and tags it) and the alt texts of its media, cards and lists. Returns each as
/// its pointer in Bird's body and why. `convert` reports these as `lossy` changes (issue 12:
/// never a silent drop) instead of refusing the message; [`from_bird`] alone still refuses
/// them, so a strict conversion stays exact.
pub(super) fn leave_out_unmapped(q: &mut BirdRequest) -> Vec<(String, String)> {
    let d = std::mem::take(&mut q.delivery);
    let given = [
        ("/meta/extraInformation", "extra information (its use case)", d.extra_information.is_some()),
        ("/capFrequency", "frequency capping", d.cap_frequency.is_some()),
        ("/enableLinkTracking", "link tracking", d.enable_link_tracking.is_some()),
        ("/ignoreQuietHours", "quiet-hours switch", d.ignore_quiet_hours.is_some()),
        ("/ignoreGlobalHoldout", "global-holdout switch", d.ignore_global_holdout.is_some()),
        ("/tags", "tags", d.tags.is_some()),
        ("/shortLinks", "short links", d.short_links_domain.is_some()),
        ("/scheduledFor", "schedule", d.scheduled_for.is_some()),
        ("/validity", "validity", d.validity.is_some()),
    ];
    // The reference is the neutral callbackData: it stays.
    q.delivery.reference = d.reference;
    let mut out: Vec<(String, String)> =
        given.iter().filter(|(_, _, given)| *given).map(|(at, what, _)| (at.to_string(), lacks(what))).collect();
    let alt = "alt text";
    if let Payload::Template(t) = &mut q.payload
        && t.disallow_mm_lite.take().is_some()
    {
        out.push(("/template/settings".into(), lacks("template settings (disallowMmLite)")));
    }
    if let Payload::Body(body) = &mut q.payload {
        match body {
            Body::Image(i) => i.images.iter_mut().enumerate().for_each(|(n, image)| {
                take(&mut out, format!("/body/image/images/{n}/altText"), &mut image.alt_text, alt);
            }),
            Body::File(f) => f.files.iter_mut().enumerate().for_each(|(n, file)| {
                take(&mut out, format!("/body/file/files/{n}/altText"), &mut file.alt_text, alt);
                // WhatsApp shows a file name on documents only (the neutral model's rule).
                let kind = crate::message::media::rule_for_mime(&file.content_type).map(|rule| rule.kind);
                if kind.is_some_and(|k| k != MediaKind::Document) {
                    let what = "filename (WhatsApp shows one on documents only)";
                    take(&mut out, format!("/body/file/files/{n}/filename"), &mut file.filename, what);
                }
            }),
            Body::List(l) => take(&mut out, "/body/list/altText".into(), &mut l.alt_text, alt),
            Body::Carousel(c) => c.items.iter_mut().enumerate().for_each(|(n, card)| {
                take(&mut out, format!("/body/carousel/items/{n}/altText"), &mut card.alt_text, alt);
            }),
            Body::Text(_) | Body::Location(_) => {}
        }
    }
    out
}

/// Why a Bird field was left out.
fn lacks(what: &str) -> String {
    format!("the neutral model has no place for Bird's {what}: left out")
}

/// Takes `field` out, when given, as a change at `at` (see [`leave_out_unmapped`]).
fn take(out: &mut Vec<(String, String)>, at: String, field: &mut Option<String>, what: &str) {
    if field.take().is_some() {
        out.push((at, lacks(what)));
    }
}

/// A neutral template as Bird's: by Studio project and version, in the language's BCP 47
/// spelling, its variables by name. Bird keys every variable by the name the template gives
/// it (a header's, a body's, an image's or a button's alike) and names none by position or
/// component, so a named text variable is the one kind with an explicit mapping; the others
/// (media, currency, date and time, buttons' variables, offers, cards) are refused, each at
/// its field.
fn template(t: &NeutralTemplate) -> Result<Template, BodyError> {
    // Every fault at once; what Bird cannot carry alone is an `UnsupportedError`.
    let mut faults = Vec::new();
    let mut refused: Vec<Unsupported> = Vec::new();
    if t.language.policy.is_some() {
        refused.push(
            Unsupported::cannot(PROVIDER, "template language policy (Bird's locale has none)")
                .at("/content/language/policy"),
        );
    }
    let locale = t.language.code.replace('_', "-");
    if !super::read::is_locale(&locale) {
        let message = format!(
            "Bird names a template's locale by a BCP 47 tag such as \"en\" or \"en-US\" (WhatsApp's en_US is sent as en-US; got {:?})",
            t.language.code
        );
        faults.push(violation("/content/language/code", ViolationCode::InvalidFormat, message));
    }
    let mut parameters: Vec<TemplateParameter> = Vec::new();
    for (i, component) in t.components.iter().flatten().enumerate() {
        let at = format!("/content/components/{i}");
        let (TemplateComponent::Header(c) | TemplateComponent::Body(c)) = component else {
            let what = format!(
                "template {} component's variables (Bird maps a header's or body's named text variables only)",
                component.kind()
            );
            refused.push(Unsupported::cannot(PROVIDER, what).at(at));
            continue;
        };
        for (j, parameter) in c.parameters.iter().enumerate() {
            let at = format!("{at}/parameters/{j}");
            let NeutralParameter::Text(text) = parameter else {
                let what = format!(
                    "template {} variable (Bird maps named text variables only: the template gives the others' keys)",
                    parameter.kind()
                );
                refused.push(Unsupported::cannot(PROVIDER, what).at(at));
                continue;
            };
            let Some(key) = &text.parameter_name else {
                let message = "Bird keys a template's variables by name: give parameterName".to_string();
                faults.push(violation(&format!("{at}/parameterName"), ViolationCode::Required, message));
                continue;
            };
            if parameters.iter().any(|p| &p.key == key) {
                let message = format!("Bird keys a template's variables by name: {key:?} is given twice");
                faults.push(violation(&format!("{at}/parameterName"), ViolationCode::Duplicate, message));
            }
            parameters
                .push(TemplateParameter { key: key.clone(), value: ParameterValue::String(Some(text.text.clone())) });
        }
    }
    if !faults.is_empty() {
        let refused = refused.iter().map(Unsupported::violation);
        return Err(BodyError::Invalid(faults.into_iter().chain(refused).collect()));
    }
    if let Some(first) = refused.into_iter().next() {
        return Err(first.into());
    }
    Ok(Template {
        // Given: `TemplateNaming` refuses a template without it before this.
        project_id: t.project_id.clone().unwrap_or_default(),
        version: t.project_version.clone().unwrap_or_else(|| "latest".into()),
        locale,
        parameters: t.components.as_ref().map(|_| parameters),
        disallow_mm_lite: None,
    })
}

/// A Bird template as the neutral one: its variables, all string, named text variables of
/// its body (Bird does not say which component each is in), in their order.
fn from_template(t: &Template) -> Result<NeutralTemplate, BodyError> {
    if t.disallow_mm_lite.is_some() {
        return Err(neutral_lacks("template settings (disallowMmLite)", "/template/settings"));
    }
    let parameters = t.parameters.as_ref().map(|list| {
        list.iter()
            .enumerate()
            .map(|(n, p)| match &p.value {
                ParameterValue::String(Some(text)) => Ok(NeutralParameter::Text(TextParameter {
                    text: text.clone(),
                    parameter_name: Some(p.key.clone()),
                })),
                ParameterValue::String(None) => {
                    Err(neutral_lacks("template variable without a value", &format!("/template/parameters/{n}")))
                }
                other => Err(neutral_lacks(
                    &format!("template {} variable", other.kind()),
                    &format!("/template/parameters/{n}/type"),
                )),
            })
            .collect::<Result<Vec<_>, _>>()
    });
    // No variables at all (`parameters: []`) are no components, as they were written.
    let components = match parameters.transpose()? {
        Some(parameters) if parameters.is_empty() => Some(Vec::new()),
        Some(parameters) => Some(vec![TemplateComponent::Body(ComponentParameters { parameters })]),
        None => None,
    };
    Ok(NeutralTemplate {
        name: None,
        language: TemplateLanguage { code: t.locale.replace('-', "_"), policy: None },
        namespace: None,
        project_id: Some(t.project_id.clone()),
        project_version: Some(t.version.clone()).filter(|v| v != "latest"),
        components,
    })
}

fn violation(at: &str, code: ViolationCode, message: String) -> crate::validate::Violation {
    crate::validate::Violation { path: at.into(), code, message, limit: None }
}

/// Bird says something the neutral model has no field for, at `at` in Bird's body.
fn neutral_lacks(what: &str, at: &str) -> BodyError {
    Unsupported::neutral_lacks(PROVIDER, what).at(at).into()
}

/// Reply buttons under a media header: Bird's image or file body with postbacks (`at` their
/// pointer). WhatsApp needs the body text: a missing one is the neutral model's to report.
fn buttons_under(header: Header, text: Option<&String>, actions: &[Action], at: &str) -> Result<Content, BodyError> {
    let Some(buttons) = choices(actions) else {
        return Err(neutral_lacks("media actions other than postbacks with payloads", at));
    };
    let buttons = buttons.into_iter().map(|(id, title, _)| ReplyButton { id, title }).collect();
    let body = text.cloned().unwrap_or_default();
    Ok(Content::ReplyButtons(ReplyButtons { header: Some(header), body, footer: None, buttons }))
}

/// Postback actions with payloads: reply buttons or list rows (id, title, description).
fn choices(actions: &[Action]) -> Option<Vec<(String, String, Option<String>)>> {
    actions
        .iter()
        .map(|a| match a {
            Action::Postback { text, payload: Some(id), description } => {
                Some((id.clone(), text.clone(), description.clone()))
            }
            _ => None,
        })
        .collect()
}

/// A body's actions, if it has any: an empty list says as little as none (a text is a text).
fn any(actions: &Option<Vec<Action>>) -> Option<&[Action]> {
    actions.as_deref().filter(|actions| !actions.is_empty())
}

fn content(body: &Body) -> Result<Content, BodyError> {
    Ok(match body {
        Body::Text(t) => match any(&t.actions) {
            None => Content::Text(NeutralText { body: t.text.clone(), preview_url: t.preview_url }),
            Some(_) if t.preview_url.is_some() => {
                return Err(neutral_lacks("link preview on a text with actions", "/body/text/previewUrl"));
            }
            Some([Action::LocationRequest { text: None }]) => {
                Content::LocationRequest(LocationRequest { body: t.text.clone() })
            }
            Some([Action::Link { text, url }]) => Content::CtaUrl(CtaUrl {
                header: None,
                body: t.text.clone(),
                footer: None,
                display_text: text.clone(),
                url: url.clone(),
            }),
            Some(actions) => {
                let Some(buttons) = choices(actions) else {
                    return Err(neutral_lacks(
                        "text actions other than postbacks with payloads, one link or one location request",
                        "/body/text/actions",
                    ));
                };
                let buttons = buttons.into_iter().map(|(id, title, _)| ReplyButton { id, title }).collect();
                Content::ReplyButtons(ReplyButtons { header: None, body: t.text.clone(), footer: None, buttons })
            }
        },
        Body::Image(i) => {
            let [image] = i.images.as_slice() else {
                return Err(neutral_lacks("several images in one message", "/body/image/images"));
            };
            if image.alt_text.is_some() {
                return Err(neutral_lacks("image altText", "/body/image/images/0/altText"));
            }
            let media = Media::by_link(&image.media_url);
            match any(&i.actions) {
                None => Content::Image(Media { caption: i.text.clone(), ..media }),
                Some(actions) => buttons_under(Header::Image(media), i.text.as_ref(), actions, "/body/image/actions")?,
            }
        }
        Body::File(f) => {
            let [file] = f.files.as_slice() else {
                return Err(neutral_lacks("several files in one message", "/body/file/files"));
            };
            if file.alt_text.is_some() {
                return Err(neutral_lacks("file altText", "/body/file/files/0/altText"));
            }
            let media = Media {
                filename: file.filename.clone(),
                mime_type: Some(file.content_type.clone()),
                ..Media::by_link(&file.media_url)
            };
            let kind = crate::message::media::rule_for_mime(&file.content_type).map(|rule| rule.kind);
            match (any(&f.actions), kind) {
                (None, Some(MediaKind::Video)) => Content::Video(Media { caption: f.text.clone(), ..media }),
                (None, Some(MediaKind::Audio)) => Content::Audio(Media { caption: f.text.clone(), ..media }),
                (None, _) => Content::Document(Media { caption: f.text.clone(), ..media }),
                (Some(actions), Some(MediaKind::Video)) => {
                    buttons_under(Header::Video(media), f.text.as_ref(), actions, "/body/file/actions")?
                }
                (Some(_), Some(MediaKind::Audio)) => {
                    return Err(neutral_lacks(
                        "buttons under audio (WhatsApp's headers are never audio)",
                        "/body/file/actions",
                    ));
                }
                (Some(actions), _) => {
                    buttons_under(Header::Document(media), f.text.as_ref(), actions, "/body/file/actions")?
                }
            }
        }
        Body::Location(l) => Content::Location(NeutralLocation {
            latitude: l.latitude,
            longitude: l.longitude,
            name: l.label.clone(),
            address: l.address.clone(),
        }),
        Body::List(l) => {
            if l.alt_text.is_some() {
                return Err(neutral_lacks("list altText", "/body/list/altText"));
            }
            let sections = l
                .sections
                .iter()
                .map(|s| {
                    let rows = choices(&s.actions)?
                        .into_iter()
                        .map(|(id, title, description)| ListRow { id, title, description })
                        .collect();
                    Some(ListSection { title: s.title.clone(), rows })
                })
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| neutral_lacks("list rows other than postbacks with payloads", "/body/list"))?;
            let Some(button) = l.button_label.clone() else {
                return Err(neutral_lacks("list without a button label (Bird's default one)", "/body/list"));
            };
            Content::List(NeutralList {
                header: l.title.clone().map(|text| Header::Text(crate::message::HeaderText { text })),
                body: l.text.clone(),
                footer: None,
                button,
                sections,
            })
        }
        Body::Carousel(c) => {
            let cards = c
                .items
                .iter()
                .map(|card| {
                    let (Some(kind), [Action::Link { text, url }], None, None) = (
                        super::read::card_kind(&card.media_url),
                        card.actions.as_slice(),
                        &card.description,
                        &card.alt_text,
                    ) else {
                        return Err(neutral_lacks(
                            "carousel card description, altText, or media of unknown type",
                            "/body/carousel/items",
                        ));
                    };
                    let media = Media::by_link(&card.media_url);
                    Ok(CarouselCard {
                        header: if kind == "image" { Header::Image(media) } else { Header::Video(media) },
                        body: Some(card.title.clone()),
                        buttons: None,
                        cta_url: Some(CardCtaUrl { display_text: text.clone(), url: url.clone() }),
                    })
                })
                .collect::<Result<_, _>>()?;
            Content::Carousel(NeutralCarousel { body: c.text.clone(), cards })
        }
    })
}
