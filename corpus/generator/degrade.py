"""Turn a clean page image into a phone scan: sheet on a desk, warp, light, blur, noise, footer.

Pure: numpy image in, numpy image out; the random generator comes from the caller's seed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont
from pydantic import BaseModel, ConfigDict

from corpus.generator.errors import CorpusError

DegradeLevel = Literal["clean", "mild", "hard"]
CAMSCANNER_TEXT = "Dipindai dengan CamScanner"
CAMSCANNER_URL = "https://v3.camscanner.com/user/download"
_FOOTER_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


class DegradeSettings(BaseModel):
    """Strength of each degradation; ranges are (low, high) drawn per page."""

    model_config = ConfigDict(frozen=True)

    desk_margin: float = 0.0  # desk border around the sheet, fraction of the sheet's long side
    perspective: float = 0.0  # max corner displacement, fraction of the sheet's long side
    rotation_degrees: float = 0.0  # max small tilt either way
    quarter_turn_chance: float = 0.0  # page photographed sideways or upside down
    shadow: float = 0.0  # darkest point of the shadow gradient (0 = none)
    uneven_light: float = 0.0
    blur_sigma: tuple[float, float] = (0.0, 0.0)
    noise_sigma: float = 0.0
    jpeg_quality: tuple[int, int] = (92, 92)
    footer_chance: float = 0.6


LEVELS: dict[str, DegradeSettings] = {
    "clean": DegradeSettings(),
    "mild": DegradeSettings(
        desk_margin=0.05, perspective=0.015, rotation_degrees=1.2, quarter_turn_chance=0.1,
        shadow=0.22, uneven_light=0.12, blur_sigma=(0.3, 0.8), noise_sigma=3.0,
        jpeg_quality=(70, 88),
    ),
    "hard": DegradeSettings(
        desk_margin=0.08, perspective=0.035, rotation_degrees=3.0, quarter_turn_chance=0.25,
        shadow=0.4, uneven_light=0.25, blur_sigma=(0.8, 1.4), noise_sigma=6.0,
        jpeg_quality=(45, 65),
    ),
}  # fmt: skip


def desk_padding(width: int, height: int, settings: DegradeSettings) -> int:
    return round(settings.desk_margin * max(width, height))


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if _FOOTER_FONT.exists():
        return ImageFont.truetype(str(_FOOTER_FONT), size)
    return ImageFont.load_default()


def draw_camscanner_footer(sheet: np.ndarray) -> np.ndarray:
    """The app's footer at the bottom right: a 'CS' badge, the slogan and its download URL."""
    image = Image.fromarray(sheet)
    draw = ImageDraw.Draw(image)
    height, width = sheet.shape[:2]
    size = max(10, round(height * 0.011))
    badge = round(size * 2.2)
    right, bottom = width - round(width * 0.02), height - round(height * 0.008)
    text_width = draw.textlength(CAMSCANNER_TEXT, font=_font(size))
    left = right - text_width - badge - size // 2
    top = bottom - badge
    draw.rounded_rectangle([left, top, left + badge, bottom], radius=size // 3, fill=(40, 170, 110))
    draw.text(
        (left + badge * 0.18, top + badge * 0.2), "CS", font=_font(size), fill=(255, 255, 255)
    )
    draw.text((left + badge + size // 2, top), CAMSCANNER_TEXT, font=_font(size), fill=(60, 60, 60))
    small = max(8, round(size * 0.75))
    draw.text((left + badge + size // 2, top + size * 1.25), CAMSCANNER_URL, font=_font(small), fill=(90, 90, 90))  # fmt: skip
    return np.asarray(image)


def _desk(height: int, width: int, rng: np.random.Generator) -> np.ndarray:
    """A darker surface: wood, grey or dark cloth, with a coarse texture."""
    base = np.array(rng.choice([[60, 90, 130], [70, 75, 80], [40, 45, 50], [90, 120, 150]]), float)
    base *= rng.uniform(0.7, 1.1)
    coarse = rng.standard_normal((12, 12), dtype=np.float32) * 18
    grain = rng.standard_normal((height // 3 + 1, width // 3 + 1), dtype=np.float32) * 6
    texture = cv2.resize(coarse, (width, height), interpolation=cv2.INTER_CUBIC)
    texture += cv2.resize(grain, (width, height), interpolation=cv2.INTER_NEAREST)
    desk = base.astype(np.float32)[None, None, :] + texture[:, :, None]
    return np.clip(desk, 0, 255).astype(np.uint8)


def _corners(width: int, height: int, pad: int, settings: DegradeSettings, rng: np.random.Generator) -> np.ndarray:  # fmt: skip
    """Where the sheet's corners land on the desk: tilted about the centre, each corner jittered."""
    angle = np.deg2rad(rng.uniform(-settings.rotation_degrees, settings.rotation_degrees))
    centre = np.array([pad + width / 2, pad + height / 2])
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], float) - [width / 2, height / 2]  # fmt: skip
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    jitter = rng.uniform(-1, 1, (4, 2)) * settings.perspective * max(width, height)
    return (corners @ rotation.T + centre + jitter).astype(np.float32)


def place_on_desk(sheet: np.ndarray, settings: DegradeSettings, rng: np.random.Generator) -> np.ndarray:  # fmt: skip
    height, width = sheet.shape[:2]
    pad = desk_padding(width, height, settings)
    if pad == 0 and settings.perspective == 0 and settings.rotation_degrees == 0:
        return sheet
    size = (width + 2 * pad, height + 2 * pad)
    source = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    matrix = cv2.getPerspectiveTransform(source, _corners(width, height, pad, settings, rng))
    warped = cv2.warpPerspective(sheet, matrix, size, flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full((height, width), 255, np.uint8), matrix, size)
    scene = _desk(size[1], size[0], rng)
    np.copyto(scene, warped, where=(mask > 127)[:, :, None])  # the later blur softens the edge
    return scene


def _light_field(shape: tuple[int, int], settings: DegradeSettings, rng: np.random.Generator) -> np.ndarray:  # fmt: skip
    """Multiplicative RGB light: paper tint, a shadow gradient and low-frequency blotches.
    Computed on a coarse grid and resized: light varies slowly, full resolution would be waste."""
    height, width = shape
    small_h, small_w = max(height // 16, 4), max(width // 16, 4)
    ys, xs = np.mgrid[0:small_h, 0:small_w].astype(np.float32)
    direction = rng.uniform(0, 2 * np.pi)
    ramp = (xs / small_w) * np.cos(direction) + (ys / small_h) * np.sin(direction)
    ramp = (ramp - ramp.min()) / max(float(ramp.max() - ramp.min()), 1e-6)
    blotches = cv2.resize(rng.uniform(-1, 1, (4, 4)).astype(np.float32), (small_w, small_h), interpolation=cv2.INTER_CUBIC)  # fmt: skip
    field = np.clip(
        (1 - settings.shadow * ramp) * (1 + settings.uneven_light * blotches), 0.25, 1.15
    )
    tinted = field[:, :, None] * rng.uniform(0.93, 1.0, 3).astype(np.float32)[None, None, :]
    return cv2.resize(tinted, (width, height), interpolation=cv2.INTER_LINEAR)


def degrade_page(page: np.ndarray, settings: DegradeSettings, rng: np.random.Generator) -> tuple[np.ndarray, int]:  # fmt: skip
    """A phone scan of a clean RGB page image, and how many quarter turns it was rotated by."""
    sheet = draw_camscanner_footer(page) if rng.random() < settings.footer_chance else page
    scene = place_on_desk(sheet, settings, rng).astype(np.float32)
    scene *= _light_field(scene.shape[:2], settings, rng)
    sigma = rng.uniform(*settings.blur_sigma)
    if sigma > 0.05:
        scene = cv2.GaussianBlur(scene, (0, 0), sigma)
    if settings.noise_sigma:
        # Sensor noise on luminance: one channel broadcast keeps it cheap on large pages.
        height, width = scene.shape[:2]
        scene += rng.standard_normal((height, width, 1), dtype=np.float32) * settings.noise_sigma
    image = np.clip(scene, 0, 255, out=scene).astype(np.uint8)
    turns = 0
    if rng.random() < settings.quarter_turn_chance:
        turns = int(rng.choice([1, 2, 2, 3]))
        image = np.ascontiguousarray(np.rot90(image, turns))
    return image, turns


def jpeg_bytes(image: np.ndarray, settings: DegradeSettings, rng: np.random.Generator) -> bytes:
    quality = int(rng.integers(settings.jpeg_quality[0], settings.jpeg_quality[1] + 1))
    ok, encoded = cv2.imencode(".jpg", cv2.cvtColor(image, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality])  # fmt: skip
    if not ok:
        raise CorpusError("OpenCV could not encode the scan as JPEG: check the opencv install")
    return encoded.tobytes()


def expected_scan_size(width: int, height: int, settings: DegradeSettings, turns: int) -> tuple[int, int]:  # fmt: skip
    """(width, height) of the scan of a `width` x `height` page image."""
    pad = desk_padding(width, height, settings)
    size = (width + 2 * pad, height + 2 * pad)
    return (size[1], size[0]) if turns % 2 else size
