//! What every JS client shares: the transport, the retry loop, and turning failures into
//! JS errors that carry the request (credentials redacted) and the number of attempts.

use super::convert::{message_from_js, to_js};
use super::errors::to_js_error;
use super::transport::{Transport, sleep};
use crate::error::{AnswerError, BodyError, SendError};
use crate::http::{HttpRequest, HttpResponse, RetryPolicy};
use crate::message::Message;
use crate::provider::ProviderClient;
use js_sys::Promise;
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::future_to_promise;

pub struct ClientCore<C> {
    pub config: C,
    pub transport: Transport,
    pub retry: RetryPolicy,
}

impl<C: ProviderClient + 'static> ClientCore<C> {
    /// Validates and sends `message`; resolves to the provider's decoded answer.
    pub fn send(self: &Rc<Self>, message: JsValue) -> Promise {
        let core = self.clone();
        future_to_promise(async move {
            let message: Message = message_from_js(&message)?;
            let request = core.config.send_request(&message)?;
            let result = core.execute(request, false, |response| core.config.decode_send(response)).await?;
            Ok(to_js(&result)?)
        })
    }

    /// Runs a request built from the arguments (built inside the promise, so that bad
    /// arguments reject rather than throw) and resolves to the decoded answer.
    pub fn call<T: Serialize + 'static>(
        self: &Rc<Self>,
        build: impl FnOnce(&C) -> Result<HttpRequest, BodyError> + 'static,
        decode: impl Fn(&C, &HttpResponse) -> Result<T, AnswerError> + 'static,
    ) -> Promise {
        let core = self.clone();
        future_to_promise(async move {
            let request = build(&core.config)?;
            let result = core.execute(request, false, |response| decode(&core.config, response)).await?;
            Ok(to_js(&result)?)
        })
    }

    /// Sends `request`, decodes the answer, and retries as the policy allows. A final
    /// failure carries the request (credentials redacted) and the number of attempts.
    pub async fn execute<T: Serialize>(
        &self,
        request: HttpRequest,
        binary: bool,
        decode: impl Fn(&HttpResponse) -> Result<T, AnswerError>,
    ) -> Result<T, JsValue> {
        let mut attempts = 0;
        loop {
            attempts += 1;
            let outcome = match self.transport.send(&request, binary).await {
                Ok(response) => decode(&response).map_err(SendError::from),
                Err(failed) => Err(SendError::from(failed)),
            };
            let error = match outcome {
                Ok(value) => return Ok(value),
                Err(error) => error.redact(self.config.secret()),
            };
            let hint = error.retry_hint();
            if self.retry.should_retry(&hint)
                && let Some(wait) = self.retry.delay_ms(attempts, js_sys::Math::random(), hint.after_ms)
            {
                sleep(wait).await;
                continue;
            }
            return Err(to_js_error(&error, Some(&request), Some(attempts)));
        }
    }
}
