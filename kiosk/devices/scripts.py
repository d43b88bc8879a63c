"""JavaScript the kiosk runs in web pages: pick devices by label, measure them, and the script
the call injects into the portal so its ``getUserMedia`` uses the cart's chosen devices.

Device ids are salted per origin and per profile, so nothing here carries an id from one page
to another: each page matches labels itself (case ignored, part of the label), the same rule
everywhere. Labels are only visible once the page has been granted media, so ``kioskDevices``
opens the default devices for a moment when they are hidden.
"""

from __future__ import annotations

import json

#: Matching and listing, shared by the probe, the check page and the call's injected script.
DEVICES_JS = r"""
window.kioskDevices = window.kioskDevices || (() => {
  const md = navigator.mediaDevices;
  const gum = md && md.getUserMedia ? md.getUserMedia.bind(md) : null;
  function pick(list, kind, wanted) {
    const ofKind = list.filter(d => d.kind === kind);
    if (!ofKind.length) { return null; }
    if (!wanted) { return ofKind.find(d => d.deviceId === 'default') || ofKind[0]; }
    const part = wanted.toLowerCase();
    return ofKind.find(d => d.label.toLowerCase().includes(part)) || null;
  }
  async function list() {
    let found = await md.enumerateDevices();
    if (found.length && found.every(d => !d.label) && gum) {
      try {
        const s = await gum({video: found.some(d => d.kind === 'videoinput'),
                             audio: found.some(d => d.kind === 'audioinput')});
        s.getTracks().forEach(t => t.stop());
        found = await md.enumerateDevices();
      } catch (e) { /* labels stay hidden; the caller reports what getUserMedia says */ }
    }
    return found.map(d => ({kind: d.kind, label: d.label, deviceId: d.deviceId}));
  }
  return {pick, list, gum};
})();
"""

#: Opens each chosen camera and microphone for ``seconds`` and counts what arrives. Frames and
#: samples are read from the tracks themselves (MediaStreamTrackProcessor), so a page nobody
#: looks at — the headless probe — measures the same as a visible one.
PROBE_JS = r"""
window.kioskProbe = async (opts) => {
  const D = window.kioskDevices;
  const out = {devices: [], chosen: {}, checks: [], error: ''};
  try { out.devices = await D.list(); } catch (e) { out.error = e.name || 'Error'; return out; }
  const kinds = ['videoinput', 'audioinput', 'audiooutput'];
  const chosen = {};
  for (const kind of kinds) {
    chosen[kind] = D.pick(out.devices, kind, (opts.wanted || {})[kind] || '');
    out.chosen[kind] = chosen[kind] ? chosen[kind].label : '';
  }
  if (!opts.check) { return out; }
  for (const kind of ['videoinput', 'audioinput']) {
    const device = chosen[kind];
    if (!device) { continue; }
    const check = {kind, label: device.label, frames: 0, level: 0, width: 0, height: 0, error: ''};
    out.checks.push(check);
    let stream = null;
    try {
      const exact = device.deviceId ? {deviceId: {exact: device.deviceId}} : true;
      stream = await D.gum(kind === 'videoinput' ? {video: exact} : {audio: exact});
      const track = stream.getTracks()[0];
      const settings = track.getSettings();
      check.width = settings.width || 0; check.height = settings.height || 0;
      const reader = new MediaStreamTrackProcessor({track}).readable.getReader();
      const stop = Date.now() + opts.seconds * 1000;
      while (Date.now() < stop) {
        const next = await Promise.race([reader.read(),
          new Promise(r => setTimeout(() => r({timeout: true}), stop - Date.now() + 50))]);
        if (next.timeout || next.done) { break; }
        const chunk = next.value;
        if (kind === 'videoinput') { check.frames += 1; }
        else {
          const samples = new Float32Array(chunk.numberOfFrames);
          chunk.copyTo(samples, {planeIndex: 0, format: 'f32-planar'});
          for (const x of samples) { const a = Math.abs(x); if (a > check.level) check.level = a; }
        }
        chunk.close();
      }
      reader.cancel().catch(() => {});
    } catch (e) { check.error = e.name || 'Error'; }
    if (stream) { stream.getTracks().forEach(t => t.stop()); }
  }
  return out;
};
"""


def probe_call(check: bool, seconds: float, wanted: dict[str, str]) -> str:
    """JS that starts the probe and leaves its result in ``window.kioskProbeResult``."""
    opts = json.dumps({"check": check, "seconds": seconds, "wanted": wanted})
    return (
        "window.kioskProbeResult = null;"
        f"window.kioskProbe({opts}).then(r => {{ window.kioskProbeResult = r; }},"
        " e => { window.kioskProbeResult = {error: (e && e.name) || 'Error'}; });"
    )


#: Injected into the portal's calling page before its own scripts (DocumentCreation). Only on
#: the portal's origin: elsewhere it does nothing. It adds the chosen device to every
#: getUserMedia that asks for video or audio without naming a device, tells the page it is
#: framed by a kiosk (``window.kiosk.framed``: the kiosk bar has "End visit"), and offers
#: ``window.kiosk.switchCamera()`` for the bar's "Switch camera": the next camera replaces the
#: video track in the page's streams and in every peer connection sending it.
INJECT_TEMPLATE = r"""
(() => {
  const CONFIG = __CONFIG__;
  if (location.origin !== CONFIG.origin || !navigator.mediaDevices) { return; }
  __DEVICES_JS__
  const D = window.kioskDevices;
  const senders = new Set();
  const streams = new Set();
  let cameraId = null;
  const Peer = window.RTCPeerConnection;
  if (Peer) {
    const addTrack = Peer.prototype.addTrack;
    Peer.prototype.addTrack = function (...args) {
      const sender = addTrack.apply(this, args); senders.add(sender); return sender;
    };
    const addTransceiver = Peer.prototype.addTransceiver;
    Peer.prototype.addTransceiver = function (...args) {
      const t = addTransceiver.apply(this, args); senders.add(t.sender); return t;
    };
  }
  function withDevice(part, deviceId) {
    if (!part || !deviceId) { return part; }
    const base = part === true ? {} : part;
    if (base.deviceId) { return part; }
    return Object.assign({}, base, {deviceId: {exact: deviceId}});
  }
  const named = (part) => !!(part && typeof part === 'object' && part.deviceId);
  async function useDevice(stream, kind, deviceId) {
    // The stream the page holds gets the chosen device's track in place of the default's.
    const fresh = await D.gum({[kind]: {deviceId: {exact: deviceId}}});
    const [track] = kind === 'video' ? fresh.getVideoTracks() : fresh.getAudioTracks();
    const olds = kind === 'video' ? stream.getVideoTracks() : stream.getAudioTracks();
    for (const old of olds) { stream.removeTrack(old); old.stop(); }
    stream.addTrack(track);
  }
  // Nothing chosen (no [devices], no camera switched): the page's request goes straight
  // to the engine. Listing devices first costs a few hundred ms of "Join now".
  const choosing = () => !!(CONFIG.camera || CONFIG.microphone || cameraId);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const c = Object.assign({}, constraints || {});
    let changed = false, labelled = false;
    if (choosing()) {
      try {
        // Granted before (labels visible): ask for the chosen devices at once. Otherwise open
        // what the page asks and swap afterwards — never a second open just to read labels.
        const known = (await navigator.mediaDevices.enumerateDevices())
          .map(d => ({kind: d.kind, label: d.label, deviceId: d.deviceId}));
        labelled = known.some(d => d.label);
        if (labelled) {
          const cam = cameraId
            ? known.find(d => d.deviceId === cameraId) : D.pick(known, 'videoinput', CONFIG.camera);
          const mic = D.pick(known, 'audioinput', CONFIG.microphone);
          if (c.video && cam && (CONFIG.camera || cameraId) && !named(c.video)) {
            c.video = withDevice(c.video, cam.deviceId); changed = true;
          }
          if (c.audio && mic && CONFIG.microphone && !named(c.audio)) {
            c.audio = withDevice(c.audio, mic.deviceId); changed = true;
          }
        }
      } catch (e) { /* the engine's default devices */ }
    }
    let stream;
    try { stream = await D.gum(c); }
    catch (e) {
      // The chosen device went away between listing and opening: the page's own request.
      if (!changed || e.name !== 'OverconstrainedError') { throw e; }
      stream = await D.gum(constraints);
    }
    // The bar's camera count needs the list, the page does not: it waits only when a chosen
    // device has to replace the default one the page got (labels were hidden before).
    const listed = D.list().then((found) => {
      window.kiosk.cameraCount = found.filter(d => d.kind === 'videoinput').length;
      return found;
    });
    listed.catch(() => {});
    if (!labelled && (CONFIG.camera || CONFIG.microphone)) {
      try {
        const found = await listed;
        const [v] = stream.getVideoTracks(), [a] = stream.getAudioTracks();
        const cam = CONFIG.camera && D.pick(found, 'videoinput', CONFIG.camera);
        const mic = CONFIG.microphone && D.pick(found, 'audioinput', CONFIG.microphone);
        if (v && cam && !named(c.video) && cam.deviceId !== v.getSettings().deviceId) {
          await useDevice(stream, 'video', cam.deviceId);
        }
        if (a && mic && !named(c.audio) && mic.deviceId !== a.getSettings().deviceId) {
          await useDevice(stream, 'audio', mic.deviceId);
        }
      } catch (e) { /* the page keeps the default devices it got */ }
    }
    const [track] = stream.getVideoTracks();
    if (track) {
      streams.add(stream);
      cameraId = track.getSettings().deviceId || cameraId;
    }
    // The provider's audio plays through elements the page makes around now.
    setTimeout(() => window.kiosk.chooseSpeaker(), 1000);
    return stream;
  };
  window.kiosk = {framed: true, cameraCount: 0};
  async function switchCamera() {
    const cams = (await D.list()).filter(d => d.kind === 'videoinput');
    if (cams.length < 2) { return cams.length ? cams[0].label : ''; }
    const at = cams.findIndex(d => d.deviceId === cameraId);
    const next = cams[(at + 1) % cams.length];
    const fresh = await D.gum({video: {deviceId: {exact: next.deviceId}}});
    const track = fresh.getVideoTracks()[0];
    for (const sender of senders) {
      if (sender.track && sender.track.kind === 'video') { await sender.replaceTrack(track); }
    }
    for (const stream of streams) {
      for (const old of stream.getVideoTracks()) { stream.removeTrack(old); old.stop(); }
      stream.addTrack(track);
      document.querySelectorAll('video').forEach(v => {
        if (v.srcObject === stream) { v.srcObject = null; v.srcObject = stream; }
      });
    }
    cameraId = next.deviceId;
    return next.label;
  }
  async function chooseSpeaker() {
    if (!CONFIG.speaker) { return; }
    const out = D.pick(await D.list(), 'audiooutput', CONFIG.speaker);
    if (!out) { return; }
    for (const el of document.querySelectorAll('audio, video')) {
      if (el.setSinkId) { el.setSinkId(out.deviceId).catch(() => {}); }
    }
  }
  Object.assign(window.kiosk, {switchCamera, chooseSpeaker});
})();
"""


def inject_script(origin: str, camera: str = "", microphone: str = "", speaker: str = "") -> str:
    """The call's injected script for ``origin`` and the configured label parts."""
    config = json.dumps(
        {"origin": origin, "camera": camera, "microphone": microphone, "speaker": speaker}
    )
    return INJECT_TEMPLATE.replace("__DEVICES_JS__", DEVICES_JS).replace("__CONFIG__", config)
