//! The pattern every provider fills in: a [`Codec`] (write a neutral request as the
//! provider's body, read a body back, name the endpoints) and a table with one [`KindEntry`]
//! per content kind of the neutral model. Dispatch (which endpoint a message goes to), the
//! `unsupported` refusals and what each provider can carry are derived from the tables, not
//! written per provider.

use super::Provider;
use crate::error::{BodyError, Unsupported};
use crate::message::{
    Content, Header, MarkRead, Media, MediaKind, Message, RecipientKind, Request, Template, TemplateComponent,
    TemplateParameter,
};
use std::fmt;
use std::str::FromStr;

/// An endpoint that takes a request body: Meta's and Bird's `messages`, or one of 1MSG's
/// methods (which one depends on the content).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    /// `POST …/messages` (Meta, Bird).
    Messages,
    SendMessage,
    SendFile,
    SendButton,
    SendList,
    SendTemplate,
    SendContact,
    SendLocation,
    SendReaction,
    SendLocationRequest,
    SendCarousel,
    SendCtaUrl,
    SendSticker,
    SendFlow,
    SendProduct,
    SendAddressMessage,
    SendOrderDetails,
    SendPaymentRequest,
    /// 1MSG's POST /me: the business profile.
    SetMe,
    /// 1MSG's POST /settings.
    SetSettings,
    /// 1MSG's POST /commerce.
    SetCommerce,
    /// 1MSG's POST /webhook.
    SetWebhook,
    ReadMessage,
    AddTemplate,
    RemoveTemplate,
    UploadMedia,
}

impl Operation {
    pub const ALL: [Operation; 26] = [
        Operation::Messages,
        Operation::SendMessage,
        Operation::SendFile,
        Operation::SendButton,
        Operation::SendList,
        Operation::SendTemplate,
        Operation::SendContact,
        Operation::SendLocation,
        Operation::SendReaction,
        Operation::SendLocationRequest,
        Operation::SendCarousel,
        Operation::SendCtaUrl,
        Operation::SendSticker,
        Operation::SendFlow,
        Operation::SendProduct,
        Operation::SendAddressMessage,
        Operation::SendOrderDetails,
        Operation::SendPaymentRequest,
        Operation::SetMe,
        Operation::SetSettings,
        Operation::SetCommerce,
        Operation::SetWebhook,
        Operation::ReadMessage,
        Operation::AddTemplate,
        Operation::RemoveTemplate,
        Operation::UploadMedia,
    ];

    /// The name on the wire (the path's last segment) and on the CLI's `--op`.
    pub fn name(self) -> &'static str {
        match self {
            Operation::Messages => "messages",
            Operation::SendMessage => "sendMessage",
            Operation::SendFile => "sendFile",
            Operation::SendButton => "sendButton",
            Operation::SendList => "sendList",
            Operation::SendTemplate => "sendTemplate",
            Operation::SendContact => "sendContact",
            Operation::SendLocation => "sendLocation",
            Operation::SendReaction => "sendReaction",
            Operation::SendLocationRequest => "sendLocationRequest",
            Operation::SendCarousel => "sendCarousel",
            Operation::SendCtaUrl => "sendCtaUrl",
            Operation::SendSticker => "sendSticker",
            Operation::SendFlow => "sendFlow",
            Operation::SendProduct => "sendProduct",
            Operation::SendAddressMessage => "sendAddressMessage",
            Operation::SendOrderDetails => "sendOrderDetails",
            Operation::SendPaymentRequest => "sendPaymentRequest",
            Operation::SetMe => "me",
            Operation::SetSettings => "settings",
            Operation::SetCommerce => "commerce",
            Operation::SetWebhook => "webhook",
            Operation::ReadMessage => "readMessage",
            Operation::AddTemplate => "addTemplate",
            Operation::RemoveTemplate => "removeTemplate",
            Operation::UploadMedia => "uploadMedia",
        }
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Operation {
    type Err = ();

    fn from_str(name: &str) -> Result<Self, ()> {
        Operation::ALL.into_iter().find(|o| o.name() == name).ok_or(())
    }
}

/// Whether a provider carries a content kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    /// Serialized, parsed and validated.
    Yes,
    /// The provider documents it; this version of wabridge does not speak it there yet.
    NotYet,
    /// The provider cannot express it.
    Never,
}

/// What a provider does with one content kind of the neutral model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindEntry {
    /// The kind, as the neutral model's `content.type` names it.
    pub kind: &'static str,
    /// The endpoint a message of this kind goes to.
    pub operation: Operation,
    pub support: Support,
}

/// A change that writing a message makes by design (see [`Codec::approximations`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Approximation {
    /// The neutral field it concerns.
    pub pointer: String,
    /// A different kind of content is sent (rather than a field left out).
    pub reshaped: bool,
    pub why: String,
}

/// How a provider names a template: the neutral template's naming fields ([`Template::NAMES`])
/// it sends the template by, those of them it cannot send without, and how it names one
/// (the reason either refusal gives).
#[derive(Debug, Clone, Copy)]
pub struct TemplateNaming {
    pub uses: &'static [&'static str],
    pub needs: &'static [&'static str],
    pub how: &'static str,
}

impl TemplateNaming {
    /// Refuses a template that lacks what `provider` names it by (a `required` violation at
    /// each such field), or else names itself in a way `provider` does not (unsupported there:
    /// `convert` leaves the field out as `lossy`). In that order: a conversion leaves out a
    /// name for another provider only from a template it can send.
    pub fn check(&self, provider: Provider, message: &Message) -> Result<(), BodyError> {
        let Content::Template(template) = &message.content else { return Ok(()) };
        let missing: Vec<_> = self
            .needs
            .iter()
            .filter(|field| !template.gives(field))
            // Another provider's body may have no such field (a Meta template no Studio
            // project): convert takes each as an option.
            .map(|field| crate::validate::Violation {
                path: format!("/content/{field}"),
                code: crate::validate::ViolationCode::Required,
                message: format!(
                    "{}: give content.{field} (converting another provider's body, convert's `template.{field}` option)",
                    self.how
                ),
                limit: None,
            })
            .collect();
        let mut refused = self.foreign(template).into_iter().map(|field| self.refusal(provider, field));
        if missing.is_empty() {
            return refused.next().map_or(Ok(()), |refused| Err(refused.into()));
        }
        // Every fault at once: what it lacks, and what it names that this provider does not take.
        Err(BodyError::Invalid(missing.into_iter().chain(refused.map(|r| r.violation())).collect()))
    }

    /// The naming fields `template` gives that this provider does not name templates by.
    pub fn foreign(&self, template: &Template) -> Vec<&'static str> {
        Template::NAMES.into_iter().filter(|field| template.gives(field) && !self.uses.contains(field)).collect()
    }

    /// `provider`'s refusal of the naming field `field`, at its pointer.
    pub fn refusal(&self, provider: Provider, field: &str) -> Unsupported {
        Unsupported::cannot(provider, format!("template {field} ({})", self.how)).at(format!("/content/{field}"))
    }
}

/// Every media of a message that names its MIME type, by the pointer of its media object: its
/// own, its header's, its carousel cards' headers, its template's media parameters (those of
/// a carousel template's cards too). A pointer is written only for a media that has a type:
/// sending asks this of every message.
fn typed_media(content: &Content) -> Vec<String> {
    let typed = |media: Option<(MediaKind, &Media)>| media.is_some_and(|(_, m)| m.mime_type.is_some());
    let mut out = Vec::new();
    if typed(content.media()) {
        out.push("/content".into());
    }
    let header = match content {
        Content::ReplyButtons(c) => c.header.as_ref(),
        Content::CtaUrl(c) => c.header.as_ref(),
        Content::Flow(c) => c.header.as_ref(),
        _ => None,
    };
    if typed(header.and_then(Header::media)) {
        out.push("/content/header".into());
    }
    if let Content::Carousel(carousel) = content {
        for (i, card) in carousel.cards.iter().enumerate() {
            if typed(card.header.media()) {
                out.push(format!("/content/cards/{i}/header"));
            }
        }
    }
    if let Content::Template(template) = content {
        template_media(template.components.as_deref().unwrap_or_default(), "/content/components", &mut out);
    }
    out
}

/// A template's media parameters that name their type, each by its pointer (`at` the components').
fn template_media(components: &[TemplateComponent], at: &str, out: &mut Vec<String>) {
    for (i, component) in components.iter().enumerate() {
        match component {
            TemplateComponent::Header(p) | TemplateComponent::Body(p) => {
                for (j, parameter) in p.parameters.iter().enumerate() {
                    if let TemplateParameter::Image(m) | TemplateParameter::Video(m) | TemplateParameter::Document(m) =
                        parameter
                        && m.mime_type.is_some()
                    {
                        out.push(format!("{at}/{i}/parameters/{j}"));
                    }
                }
            }
            TemplateComponent::Carousel(c) => {
                for (k, card) in c.cards.iter().enumerate() {
                    template_media(&card.components, &format!("{at}/{i}/cards/{k}/components"), out);
                }
            }
            _ => {}
        }
    }
}

/// The MIME types of a message's media (see [`typed_media`]), which a provider that reads the
/// type from the file has no field for: an approximation at each `mimeType`, but where the
/// provider does send the type (`sent`, by the media object's pointer: Bird's file body).
pub fn unsent_mime_types(provider: Provider, message: &Message, sent: impl Fn(&str) -> bool) -> Vec<Approximation> {
    // Written only when there is something to say: sending calls this for every message.
    typed_media(&message.content)
        .into_iter()
        .filter(|at| !sent(at))
        .map(|at| {
            let field = format!("{}.mimeType", at[1..].replace('/', "."));
            let why =
                format!("{provider} takes no MIME type (it reads the file's type from the file): {field} left out");
            Approximation { pointer: format!("{at}/mimeType"), reshaped: false, why }
        })
        .collect()
}

/// One provider's codec. Implementations live in `provider/<name>/`; the functions of
/// `provider` dispatch through [`codec`].
pub trait Codec: Sync {
    fn provider(&self) -> Provider;
    /// One entry per content kind of the neutral model.
    fn kinds(&self) -> &'static [KindEntry];
    /// The endpoints whose bodies [`Codec::read`] takes; the first is the default.
    fn operations(&self) -> &'static [Operation];
    /// The kinds of recipient this provider sends to (a phone number, a contact id, a group).
    fn recipients(&self) -> &'static [RecipientKind];
    /// How this provider names a template.
    fn template_naming(&self) -> TemplateNaming;
    /// What writing `message` leaves out or changes by design, without refusing it: a hint the
    /// provider takes no field for (a MIME type it reads from the file), a kind sent as its
    /// nearest (a sticker as an image). Conversions report these; sending does not refuse them.
    fn approximations(&self, _message: &Message) -> Vec<Approximation> {
        Vec::new()
    }
    /// Writes a valid message whose content this provider carries ([`Support::Yes`]), to a
    /// recipient of one of its [`Codec::recipients`], a template named as
    /// [`Codec::template_naming`] says: `provider::serialize` checks all three first.
    fn write_message(&self, message: &Message) -> Result<String, BodyError>;
    /// Writes a valid read receipt, where the provider takes them on a body endpoint.
    fn write_mark_read(&self, _read: &MarkRead) -> Result<String, BodyError> {
        Err(Unsupported::cannot(self.provider(), "read receipt").into())
    }
    /// The endpoint that takes read receipts, where the provider has one.
    fn mark_read_operation(&self) -> Option<Operation> {
        None
    }
    /// Reads and validates a body sent to `operation`; every violation points into the body.
    fn read(&self, body: &str, operation: Operation) -> Result<Request, BodyError>;
    /// Reads a body like [`Codec::read`], but leaves out what the body says that the neutral
    /// model has no field for, where the message says its main thing without it (Bird's
    /// delivery options, alt texts): each as its pointer in the body and why, for a
    /// conversion to report as `lossy`. Providers whose bodies say nothing more read exactly.
    fn read_lossy(&self, body: &str, operation: Operation) -> Result<(Request, Vec<(String, String)>), BodyError> {
        self.read(body, operation).map(|request| (request, Vec::new()))
    }
    /// Reads a body like [`Codec::read_lossy`] for a fit (`truncate`, `adapt`) to make fit its
    /// target: lengths and counts over their maximum are not refused here ([`Report::to_fit`]),
    /// as the fit shortens or reshapes them, or refuses them at the target.
    ///
    /// [`Report::to_fit`]: crate::validate::Report::to_fit
    fn read_to_fit(&self, body: &str, operation: Operation) -> Result<(Request, Vec<(String, String)>), BodyError>;
    /// Validates a body sent to `operation` without converting it: a provider whose bodies
    /// say more than the neutral model checks them in its own terms.
    fn check(&self, body: &str, operation: Operation) -> Result<(), BodyError> {
        self.read(body, operation).map(drop)
    }
    /// [`Codec::check`], with the rules that depend on the time (Bird's `scheduledFor`, at most
    /// 35 days ahead) judged at `now_ms` instead of the clock's now: a sandbox with a clock of
    /// its own validates by that clock.
    fn check_at(&self, body: &str, operation: Operation, _now_ms: f64) -> Result<(), BodyError> {
        self.check(body, operation)
    }
    /// Whether a webhook delivery is this provider's (its signature, or shared token, checked
    /// over the raw bytes).
    fn verify_webhook(
        &self,
        delivery: &super::webhook::Delivery<'_>,
        options: &super::webhook::Verify<'_>,
    ) -> Result<(), crate::error::SignatureError>;
    /// Reads a webhook body (parsed) into events; `Err` says why it is not this provider's.
    fn events<'a>(&self, body: &'a crate::json::Json<'a>) -> Result<Vec<crate::event::Event<'a>>, String>;
    /// Where the field at `pointer` of the neutral `message` lies in `body`, the body sent to
    /// `operation` that `message` was read from (`pointer` itself where the codec cannot say).
    fn wire_pointer(
        &self,
        pointer: &str,
        _message: &Message,
        _body: &crate::json::Json<'_>,
        _operation: Operation,
    ) -> String {
        pointer.to_string()
    }
    /// Converts a body to this same provider: checked ([`Codec::check`]), then the body as it
    /// was given, only its white space left out. Written again from a model, it changed (an
    /// empty list dropped, a default filled in, `"01"` written `"1"`) without saying so.
    fn reproduce(&self, body: &str, operation: Operation) -> Result<String, BodyError> {
        self.check(body, operation)?;
        let tree = crate::validate::parse_tree(body).map_err(|v| BodyError::Invalid(vec![v]))?;
        let mut w = crate::json::JsonWriter::new();
        w.item_tree(&tree);
        Ok(w.finish())
    }
}

/// The codec of `provider`.
pub fn codec(provider: Provider) -> &'static dyn Codec {
    match provider {
        Provider::Meta => &super::meta::MetaCodec,
        Provider::Bird => &super::bird::BirdCodec,
        Provider::OneMsg => &super::onemsg::OneMsgCodec,
    }
}

/// What `provider` does with content of `kind` (`None` for a kind the model does not have).
pub fn kind_entry(provider: Provider, kind: &str) -> Option<&'static KindEntry> {
    codec(provider).kinds().iter().find(|entry| entry.kind == kind)
}

/// The endpoint named `name` (the provider's default when `None`), if the provider has it.
pub fn operation_named(provider: Provider, name: Option<&str>) -> Result<Operation, BodyError> {
    let operations = codec(provider).operations();
    let Some(name) = name else {
        return operations.first().copied().ok_or_else(|| BodyError::argument(format!("{provider} takes no body")));
    };
    match name.parse::<Operation>() {
        Ok(operation) if operations.contains(&operation) => Ok(operation),
        _ => {
            let known: Vec<_> = operations.iter().map(|o| o.name()).collect();
            Err(BodyError::argument(format!(
                "unknown {provider} operation {name:?}: expected one of {}",
                known.join(", ")
            )))
        }
    }
}

/// Refuses content that `provider` does not carry, with the reason the table gives.
pub fn check_supported(provider: Provider, kind: &'static str) -> Result<&'static KindEntry, BodyError> {
    match kind_entry(provider, kind) {
        Some(entry) if entry.support == Support::Yes => Ok(entry),
        Some(entry) if entry.support == Support::NotYet => Err(Unsupported::not_yet(provider, kind).into()),
        _ => Err(Unsupported::cannot(provider, kind).into()),
    }
}

/// Builds a kind table: `kinds![default_operation; kind => support (operation)?, …]`.
macro_rules! kinds {
    ($default:expr; $($kind:literal => $support:ident $(($operation:expr))?),* $(,)?) => {
        &[$($crate::provider::codec::KindEntry {
            kind: $kind,
            operation: kinds!(@op $default $(, $operation)?),
            support: $crate::provider::codec::Support::$support,
        }),*]
    };
    (@op $default:expr) => { $default };
    (@op $default:expr, $operation:expr) => { $operation };
}
pub(crate) use kinds;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Content;

    #[test]
    fn every_provider_has_one_entry_per_content_kind() {
        for provider in Provider::ALL {
            let kinds: Vec<_> = codec(provider).kinds().iter().map(|e| e.kind).collect();
            assert_eq!(kinds, Content::KINDS, "{provider}");
            assert_eq!(codec(provider).provider(), provider);
            for entry in codec(provider).kinds() {
                assert!(codec(provider).operations().contains(&entry.operation) || entry.support != Support::Yes);
            }
        }
    }

    #[test]
    fn operations_are_typed_per_provider() {
        assert_eq!(operation_named(Provider::Meta, None).unwrap(), Operation::Messages);
        assert_eq!(operation_named(Provider::OneMsg, Some("sendButton")).unwrap(), Operation::SendButton);
        assert_eq!(operation_named(Provider::Meta, Some("sendButton")).unwrap_err().code(), "ERR_ARGUMENT");
        assert_eq!(operation_named(Provider::OneMsg, Some("sendFax")).unwrap_err().code(), "ERR_ARGUMENT");
        for operation in Operation::ALL {
            assert_eq!(operation.name().parse::<Operation>(), Ok(operation));
        }
    }
}
