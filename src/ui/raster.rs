//! Pictures of what the page draws: an SVG (a chart as the screen shows it, or any SVG text) or a
//! same-origin image drawn onto a canvas and saved as PNG, all in the browser (nothing leaves the page).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How many PNG pixels per CSS pixel: sharp when printed.
pub const PNG_SCALE: u32 = 2;

/// The presentation properties that the app's stylesheet sets on chart elements. An SVG drawn as an
/// image does not see the page's stylesheet, so [`svg_element_to_png`] writes them onto the elements
/// (each is also an SVG presentation attribute).
const STYLE_PROPERTIES: [&str; 14] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-opacity",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "display",
];

fn failed(what: &str) -> String {
    format!("the picture could not be drawn ({what})")
}

/// An SVG document (its text) as a PNG of `width` × `height` pixels, on white.
pub async fn svg_to_png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| failed("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| failed("url"))?;
    let result = image_to_png(&url, Some((width, height))).await.map(|(png, _, _)| png);
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// The image at `url` (same origin, a `blob:` or `data:` URL) as a PNG: at `size` pixels, or at its own
/// size when `None`. Returns the PNG and its width and height in pixels.
pub async fn image_to_png(url: &str, size: Option<(u32, u32)>) -> Result<(Vec<u8>, u32, u32), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| failed("no document"))?;
    let image = web_sys::HtmlImageElement::new().map_err(|_| failed("image"))?;
    image.set_src(url);
    JsFuture::from(image.decode()).await.map_err(|_| failed("the image could not be read"))?;
    let (width, height) = size.unwrap_or((image.natural_width(), image.natural_height()));
    if width == 0 || height == 0 {
        return Err(failed("empty image"));
    }
    let canvas = document
        .create_element("canvas")
        .map_err(|_| failed("canvas"))?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .map_err(|_| failed("canvas"))?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        .ok_or_else(|| failed("no 2D canvas"))?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, f64::from(width), f64::from(height))
        .map_err(|_| failed("drawing"))?;
    let mut saved = Ok(());
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let callback = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        saved = canvas.to_blob(callback.unchecked_ref());
    });
    saved.map_err(|_| failed("the canvas could not be saved"))?;
    let blob = JsFuture::from(promise)
        .await
        .ok()
        .and_then(|b| b.dyn_into::<web_sys::Blob>().ok())
        .ok_or_else(|| failed("no PNG"))?;
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|_| failed("reading the PNG"))?;
    Ok((js_sys::Uint8Array::new(&buffer).to_vec(), width, height))
}

/// An SVG element of the page as a PNG at [`PNG_SCALE`] times its size, with the stylesheet's colours and
/// fonts written onto its elements. Returns the PNG and the size it is shown at, in CSS pixels.
pub async fn svg_element_to_png(svg: &web_sys::Element) -> Result<(Vec<u8>, u32, u32), String> {
    let window = web_sys::window().ok_or_else(|| failed("no window"))?;
    let (width, height) = svg_size(svg).ok_or_else(|| failed("no size"))?;
    let copy = svg
        .clone_node_with_deep(true)
        .map_err(|_| failed("copy"))?
        .dyn_into::<web_sys::Element>()
        .map_err(|_| failed("copy"))?;
    inline_style(&window, svg, &copy);
    let originals = svg.query_selector_all("*").map_err(|_| failed("elements"))?;
    let copies = copy.query_selector_all("*").map_err(|_| failed("elements"))?;
    for i in 0..originals.length().min(copies.length()) {
        let pair = (originals.item(i).and_then(|n| n.dyn_into().ok()), copies.item(i).and_then(|n| n.dyn_into().ok()));
        if let (Some(original), Some(copy)) = pair {
            inline_style(&window, &original, &copy);
        }
    }
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = copy.set_attribute("width", &width.to_string());
    let _ = copy.set_attribute("height", &height.to_string());
    let text =
        web_sys::XmlSerializer::new().and_then(|s| s.serialize_to_string(&copy)).map_err(|_| failed("serialising"))?;
    let png = svg_to_png(&text, width * PNG_SCALE, height * PNG_SCALE).await?;
    Ok((png, width, height))
}

/// The drawing's size in CSS pixels: its `viewBox`, else its box on the page.
fn svg_size(svg: &web_sys::Element) -> Option<(u32, u32)> {
    let from_view_box = svg.get_attribute("viewBox").and_then(|v| {
        let numbers: Vec<f64> = v.split([' ', ',']).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
        (numbers.len() == 4).then(|| (numbers[2], numbers[3]))
    });
    let (width, height) = from_view_box.unwrap_or_else(|| {
        let rect = svg.get_bounding_client_rect();
        (rect.width(), rect.height())
    });
    (width >= 1.0 && height >= 1.0 && width < 10_000.0 && height < 10_000.0)
        .then(|| (width.round() as u32, height.round() as u32))
}

/// Writes the computed [`STYLE_PROPERTIES`] of `original` onto `copy` as presentation attributes (a `style`
/// attribute would be refused by the page's Content-Security-Policy, `style-src 'self'`).
fn inline_style(window: &web_sys::Window, original: &web_sys::Element, copy: &web_sys::Element) {
    let Ok(Some(computed)) = window.get_computed_style(original) else { return };
    for property in STYLE_PROPERTIES {
        if let Ok(value) = computed.get_property_value(property) {
            if !value.is_empty() {
                let _ = copy.set_attribute(property, &value);
            }
        }
    }
}
