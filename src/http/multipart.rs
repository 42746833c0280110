//! multipart/form-data bodies, for uploads (Meta's media, 1MSG's files).

/// A file to upload: its bytes, or only its size, its bytes to be put in by the transport at
/// the request's [`file_slot`](super::HttpRequest::file_slot) (the JS clients: so that a file
/// never passes through the wasm memory, which never shrinks). A slot's `boundary` is chosen
/// at random by the caller, as browsers choose theirs, rather than checked against content
/// this side never sees.
pub enum FilePart<'a> {
    Bytes(&'a [u8]),
    Slot { size: usize, boundary: String },
}

impl FilePart<'_> {
    pub fn len(&self) -> usize {
        match self {
            FilePart::Bytes(bytes) => bytes.len(),
            FilePart::Slot { size, .. } => *size,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A multipart/form-data body with a boundary that does not occur in the content.
pub struct Multipart {
    boundary: String,
    body: Vec<u8>,
    /// Where a [`FilePart::Slot`]'s bytes go.
    slot: Option<usize>,
}

impl Multipart {
    /// A form for `file`: its boundary checked against its bytes, or the slot's own.
    pub fn for_file(file: &FilePart<'_>) -> Self {
        match file {
            FilePart::Bytes(bytes) => Multipart::new(bytes),
            FilePart::Slot { boundary, .. } => {
                Multipart { boundary: boundary.clone(), body: Vec::with_capacity(512), slot: None }
            }
        }
    }

    fn new(content: &[u8]) -> Self {
        // FNV-1a of the content, salted until the boundary is absent from it.
        let mut hash: u64 = 0xcbf29ce484222325;
        for &byte in content.iter().take(4096) {
            hash = (hash ^ byte as u64).wrapping_mul(0x100000001b3);
        }
        let mut boundary = format!("wabridge-{hash:016x}");
        while content.windows(boundary.len()).any(|w| w == boundary.as_bytes()) {
            hash = hash.wrapping_mul(0x100000001b3).wrapping_add(1);
            boundary = format!("wabridge-{hash:016x}");
        }
        Multipart { boundary, body: Vec::with_capacity(content.len() + 512), slot: None }
    }

    pub fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={}", self.boundary)
    }

    fn part_header(&mut self, disposition: &str, content_type: Option<&str>) {
        self.body.extend_from_slice(
            format!("--{}\r\nContent-Disposition: form-data; {disposition}\r\n", self.boundary).as_bytes(),
        );
        if let Some(content_type) = content_type {
            self.body.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
        }
        self.body.extend_from_slice(b"\r\n");
    }

    pub fn field(mut self, name: &str, value: &str) -> Self {
        self.part_header(&format!("name=\"{name}\""), None);
        self.body.extend_from_slice(value.as_bytes());
        self.body.extend_from_slice(b"\r\n");
        self
    }

    pub fn file(mut self, name: &str, filename: &str, content_type: &str, file: &FilePart<'_>) -> Self {
        let filename: String = filename.chars().filter(|c| !matches!(c, '"' | '\r' | '\n' | '\\')).collect();
        self.part_header(&format!("name=\"{name}\"; filename=\"{filename}\""), Some(content_type));
        match file {
            FilePart::Bytes(bytes) => self.body.extend_from_slice(bytes),
            FilePart::Slot { .. } => self.slot = Some(self.body.len()),
        }
        self.body.extend_from_slice(b"\r\n");
        self
    }

    /// The request with this form as its body (and, for a slot, where the file goes).
    pub fn into_request(mut self, request: super::HttpRequest) -> super::HttpRequest {
        let mut request = request.header("Content-Type", self.content_type());
        self.body.extend_from_slice(format!("--{}--\r\n", self.boundary).as_bytes());
        request.body = Some(self.body);
        request.file_slot = self.slot;
        request
    }
}
