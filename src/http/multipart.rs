//! multipart/form-data bodies, for uploads (Meta's media, 1MSG's files).

/// A multipart/form-data body with a boundary that does not occur in the content.
pub struct Multipart {
    boundary: String,
    body: Vec<u8>,
}

impl Multipart {
    pub fn new(content: &[u8]) -> Self {
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
        Multipart { boundary, body: Vec::with_capacity(content.len() + 512) }
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

    pub fn file(mut self, name: &str, filename: &str, content_type: &str, bytes: &[u8]) -> Self {
        let filename: String = filename.chars().filter(|c| !matches!(c, '"' | '\r' | '\n' | '\\')).collect();
        self.part_header(&format!("name=\"{name}\"; filename=\"{filename}\""), Some(content_type));
        self.body.extend_from_slice(bytes);
        self.body.extend_from_slice(b"\r\n");
        self
    }

    pub fn finish(mut self) -> Vec<u8> {
        self.body.extend_from_slice(format!("--{}--\r\n", self.boundary).as_bytes());
        self.body
    }
}
