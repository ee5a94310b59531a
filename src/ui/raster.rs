//! Turning an SVG drawing into PNG bytes in the browser: the SVG text becomes a Blob and an object URL,
//! an image element decodes it, a canvas of the wanted size draws it, and the canvas encodes a PNG.
//! The browser does the rasterising and the PNG encoding, so no image crate is compiled in.
//!
//! ```ignore
//! let png = svg_to_png(&svg_text, 2000, 1200).await?;
//! ```

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A sentence saying which step of making the picture failed, and what the user can do.
fn failed(step: &str, detail: Option<&JsValue>) -> String {
    let detail = detail
        .and_then(|d| d.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| d.as_string()))
        .filter(|d| !d.trim().is_empty())
        .map(|d| format!(": {d}"))
        .unwrap_or_default();
    format!("The picture could not be made ({step}{detail}). Download the SVG instead, or try another browser.")
}

/// Revokes an object URL when dropped, so that it is freed on every path out of [`svg_to_png`].
struct ObjectUrl(String);

impl Drop for ObjectUrl {
    fn drop(&mut self) {
        let _ = web_sys::Url::revoke_object_url(&self.0);
    }
}

/// Draws `svg` (a complete SVG document as text) on a `width` × `height` pixel canvas and returns the
/// canvas as PNG file bytes. The drawing is scaled to fill the canvas, so pass its own aspect ratio
/// (twice its size gives a print-quality picture). Errors are sentences a user can act on.
pub async fn svg_to_png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    if width == 0 || height == 0 {
        return Err(failed("the picture has no size", None));
    }
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| failed("no document", None))?;

    // The SVG as an image: Blob -> object URL -> <img>, decoded before drawing.
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| failed("preparing the drawing", Some(&e)))?;
    let url = ObjectUrl(
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| failed("preparing the drawing", Some(&e)))?,
    );
    let image = web_sys::HtmlImageElement::new().map_err(|e| failed("creating an image", Some(&e)))?;
    image.set_width(width);
    image.set_height(height);
    image.set_src(&url.0);
    JsFuture::from(image.decode()).await.map_err(|e| failed("the browser could not read the drawing", Some(&e)))?;

    // The image on a canvas of the wanted size.
    let canvas = document
        .create_element("canvas")
        .map_err(|e| failed("creating a canvas", Some(&e)))?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .map_err(|_| failed("creating a canvas", None))?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context = canvas
        .get_context("2d")
        .map_err(|e| failed("no drawing context", Some(&e)))?
        .ok_or_else(|| failed("no drawing context", None))?
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .map_err(|_| failed("no drawing context", None))?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, f64::from(width), f64::from(height))
        .map_err(|e| failed("drawing the map", Some(&e)))?;
    drop(url);

    // canvas.toBlob("image/png") as a promise; a null blob means the canvas was too large to encode.
    let encoded = js_sys::Promise::new(&mut |resolve, reject| {
        let on_blob = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        if let Err(e) = canvas.to_blob_with_type(on_blob.unchecked_ref(), "image/png") {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    let png = JsFuture::from(encoded).await.map_err(|e| failed("encoding the PNG", Some(&e)))?;
    let png = png
        .dyn_into::<web_sys::Blob>()
        .map_err(|_| failed("encoding the PNG: the picture is too large for this browser", None))?;
    let bytes = JsFuture::from(png.array_buffer()).await.map_err(|e| failed("reading the PNG", Some(&e)))?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}
