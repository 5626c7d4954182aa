export namespace api {
	
	export class Status {
	    enabled: boolean;
	    running: boolean;
	    port: number;
	    url: string;
	    token: string;
	    error: string;
	    override: string;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.running = source["running"];
	        this.port = source["port"];
	        this.url = source["url"];
	        this.token = source["token"];
	        this.error = source["error"];
	        this.override = source["override"];
	    }
	}

}

export namespace app {
	
	export class About {
	    app: string;
	    imagor: string;
	    vips: string;
	    go: string;
	    platform: string;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new About(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.app = source["app"];
	        this.imagor = source["imagor"];
	        this.vips = source["vips"];
	        this.go = source["go"];
	        this.platform = source["platform"];
	        this.error = source["error"];
	    }
	}
	export class EditorPadding {
	    left: number;
	    top: number;
	    right: number;
	    bottom: number;
	
	    static createFrom(source: any = {}) {
	        return new EditorPadding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.left = source["left"];
	        this.top = source["top"];
	        this.right = source["right"];
	        this.bottom = source["bottom"];
	    }
	}
	export class EditorBackground {
	    kind: string;
	    color: string;
	
	    static createFrom(source: any = {}) {
	        return new EditorBackground(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.color = source["color"];
	    }
	}
	export class EditorRGB {
	    r: number;
	    g: number;
	    b: number;
	
	    static createFrom(source: any = {}) {
	        return new EditorRGB(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.r = source["r"];
	        this.g = source["g"];
	        this.b = source["b"];
	    }
	}
	export class EditorPoint {
	    x: number;
	    y: number;
	
	    static createFrom(source: any = {}) {
	        return new EditorPoint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.x = source["x"];
	        this.y = source["y"];
	    }
	}
	export class EditorBox {
	    left: number;
	    top: number;
	    width: number;
	    height: number;
	
	    static createFrom(source: any = {}) {
	        return new EditorBox(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.left = source["left"];
	        this.top = source["top"];
	        this.width = source["width"];
	        this.height = source["height"];
	    }
	}
	export class EditorState {
	    crop?: EditorBox;
	    width: number;
	    height: number;
	    mode: string;
	    hAlign: string;
	    vAlign: string;
	    focal?: EditorPoint;
	    noUpscale: boolean;
	    flipH: boolean;
	    flipV: boolean;
	    rotate: number;
	    brightness: number;
	    contrast: number;
	    saturation: number;
	    hue: number;
	    grayscale: boolean;
	    blur: number;
	    sharpen: number;
	    roundCorner: number;
	    pixelate: number;
	    rgb: EditorRGB;
	    trim: boolean;
	    redact: EditorBox[];
	    background: EditorBackground;
	    padding: EditorPadding;
	    format: string;
	    quality: number;
	    maxBytes: number;
	    stripExif: boolean;
	    stripIcc: boolean;
	
	    static createFrom(source: any = {}) {
	        return new EditorState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.crop = this.convertValues(source["crop"], EditorBox);
	        this.width = source["width"];
	        this.height = source["height"];
	        this.mode = source["mode"];
	        this.hAlign = source["hAlign"];
	        this.vAlign = source["vAlign"];
	        this.focal = this.convertValues(source["focal"], EditorPoint);
	        this.noUpscale = source["noUpscale"];
	        this.flipH = source["flipH"];
	        this.flipV = source["flipV"];
	        this.rotate = source["rotate"];
	        this.brightness = source["brightness"];
	        this.contrast = source["contrast"];
	        this.saturation = source["saturation"];
	        this.hue = source["hue"];
	        this.grayscale = source["grayscale"];
	        this.blur = source["blur"];
	        this.sharpen = source["sharpen"];
	        this.roundCorner = source["roundCorner"];
	        this.pixelate = source["pixelate"];
	        this.rgb = this.convertValues(source["rgb"], EditorRGB);
	        this.trim = source["trim"];
	        this.redact = this.convertValues(source["redact"], EditorBox);
	        this.background = this.convertValues(source["background"], EditorBackground);
	        this.padding = this.convertValues(source["padding"], EditorPadding);
	        this.format = source["format"];
	        this.quality = source["quality"];
	        this.maxBytes = source["maxBytes"];
	        this.stripExif = source["stripExif"];
	        this.stripIcc = source["stripIcc"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CopyRequest {
	    library: string;
	    path: string;
	    state: EditorState;
	    profile: string;
	    kind: string;
	
	    static createFrom(source: any = {}) {
	        return new CopyRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.library = source["library"];
	        this.path = source["path"];
	        this.state = this.convertValues(source["state"], EditorState);
	        this.profile = source["profile"];
	        this.kind = source["kind"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	export class EditorSource {
	    library: string;
	    path: string;
	    name: string;
	    width: number;
	    height: number;
	    orientation: number;
	    format: string;
	    raw: boolean;
	    version: string;
	    original: string;
	    session?: EditorState;
	    sessionStale: boolean;
	
	    static createFrom(source: any = {}) {
	        return new EditorSource(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.library = source["library"];
	        this.path = source["path"];
	        this.name = source["name"];
	        this.width = source["width"];
	        this.height = source["height"];
	        this.orientation = source["orientation"];
	        this.format = source["format"];
	        this.raw = source["raw"];
	        this.version = source["version"];
	        this.original = source["original"];
	        this.session = this.convertValues(source["session"], EditorState);
	        this.sessionStale = source["sessionStale"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class EngineInfo {
	    imagor: string;
	    vips: string;
	    pid: number;
	
	    static createFrom(source: any = {}) {
	        return new EngineInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.imagor = source["imagor"];
	        this.vips = source["vips"];
	        this.pid = source["pid"];
	    }
	}
	export class Entry {
	    name: string;
	    path: string;
	    kind: string;
	    size: number;
	    modTime: number;
	    thumbnail: string;
	    thumbnailLarge: string;
	    preview: string;
	    original: string;
	    meta: string;
	    raw: boolean;
	    duration: number;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	        this.kind = source["kind"];
	        this.size = source["size"];
	        this.modTime = source["modTime"];
	        this.thumbnail = source["thumbnail"];
	        this.thumbnailLarge = source["thumbnailLarge"];
	        this.preview = source["preview"];
	        this.original = source["original"];
	        this.meta = source["meta"];
	        this.raw = source["raw"];
	        this.duration = source["duration"];
	    }
	}
	export class FileFailure {
	    path: string;
	    code: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new FileFailure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.code = source["code"];
	        this.message = source["message"];
	    }
	}
	export class FileRequest {
	    op: string;
	    library: string;
	    paths: string[];
	    to: string;
	    toLibrary: string;
	    clash: string;
	    clashes: Record<string, string>;
	    continue: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FileRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.op = source["op"];
	        this.library = source["library"];
	        this.paths = source["paths"];
	        this.to = source["to"];
	        this.toLibrary = source["toLibrary"];
	        this.clash = source["clash"];
	        this.clashes = source["clashes"];
	        this.continue = source["continue"];
	    }
	}
	export class FileResult {
	    paths: string[];
	    failures: FileFailure[];
	    undo: string;
	
	    static createFrom(source: any = {}) {
	        return new FileResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.paths = source["paths"];
	        this.failures = this.convertValues(source["failures"], FileFailure);
	        this.undo = source["undo"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class KeyStatus {
	    source: string;
	    warning: string;
	
	    static createFrom(source: any = {}) {
	        return new KeyStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.warning = source["warning"];
	    }
	}
	export class Library {
	    id: string;
	    kind: string;
	    name: string;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new Library(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.path = source["path"];
	    }
	}
	export class ListPage {
	    library: string;
	    path: string;
	    entries: Entry[];
	    total: number;
	    offset: number;
	    selectIndex: number;
	
	    static createFrom(source: any = {}) {
	        return new ListPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.library = source["library"];
	        this.path = source["path"];
	        this.entries = this.convertValues(source["entries"], Entry);
	        this.total = source["total"];
	        this.offset = source["offset"];
	        this.selectIndex = source["selectIndex"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ListRequest {
	    library: string;
	    path: string;
	    sort: string;
	    desc: boolean;
	    filter: string;
	    offset: number;
	    limit: number;
	    select: string;
	
	    static createFrom(source: any = {}) {
	        return new ListRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.library = source["library"];
	        this.path = source["path"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.filter = source["filter"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	        this.select = source["select"];
	    }
	}
	export class Location {
	    library: string;
	    path: string;
	    select: string;
	    edit: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Location(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.library = source["library"];
	        this.path = source["path"];
	        this.select = source["select"];
	        this.edit = source["edit"];
	    }
	}
	export class MediaStatus {
	    ffmpeg: boolean;
	    ffmpegMessage: string;
	
	    static createFrom(source: any = {}) {
	        return new MediaStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ffmpeg = source["ffmpeg"];
	        this.ffmpegMessage = source["ffmpegMessage"];
	    }
	}
	export class PathPart {
	    text: string;
	    explanation: string;
	
	    static createFrom(source: any = {}) {
	        return new PathPart(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.explanation = source["explanation"];
	    }
	}
	export class RecentFile {
	    library: string;
	    libraryName: string;
	    path: string;
	    name: string;
	    openedAt: number;
	    available: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RecentFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.library = source["library"];
	        this.libraryName = source["libraryName"];
	        this.path = source["path"];
	        this.name = source["name"];
	        this.openedAt = source["openedAt"];
	        this.available = source["available"];
	    }
	}
	export class RenderRequest {
	    library: string;
	    path: string;
	    state: EditorState;
	    viewWidth: number;
	    viewHeight: number;
	    zoom: number;
	    viewX: number;
	    viewY: number;
	    profile: string;
	
	    static createFrom(source: any = {}) {
	        return new RenderRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.library = source["library"];
	        this.path = source["path"];
	        this.state = this.convertValues(source["state"], EditorState);
	        this.viewWidth = source["viewWidth"];
	        this.viewHeight = source["viewHeight"];
	        this.zoom = source["zoom"];
	        this.viewX = source["viewX"];
	        this.viewY = source["viewY"];
	        this.profile = source["profile"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RenderResult {
	    preview: string;
	    path: string;
	    parts: PathPart[];
	    outputWidth: number;
	    outputHeight: number;
	    signedUrl: string;
	    warning: string;
	
	    static createFrom(source: any = {}) {
	        return new RenderResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.preview = source["preview"];
	        this.path = source["path"];
	        this.parts = this.convertValues(source["parts"], PathPart);
	        this.outputWidth = source["outputWidth"];
	        this.outputHeight = source["outputHeight"];
	        this.signedUrl = source["signedUrl"];
	        this.warning = source["warning"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class S3Input {
	    name: string;
	    bucket: string;
	    prefix: string;
	    region: string;
	    endpoint: string;
	    pathStyle: boolean;
	    accessKey: string;
	    secretKey: string;
	
	    static createFrom(source: any = {}) {
	        return new S3Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.bucket = source["bucket"];
	        this.prefix = source["prefix"];
	        this.region = source["region"];
	        this.endpoint = source["endpoint"];
	        this.pathStyle = source["pathStyle"];
	        this.accessKey = source["accessKey"];
	        this.secretKey = source["secretKey"];
	    }
	}
	export class StartState {
	    libraries: Library[];
	    open?: Location;
	    platform: string;
	    errors: string[];
	
	    static createFrom(source: any = {}) {
	        return new StartState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.libraries = this.convertValues(source["libraries"], Library);
	        this.open = this.convertValues(source["open"], Location);
	        this.platform = source["platform"];
	        this.errors = source["errors"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class UndoResult {
	    paths: string[];
	    failures: FileFailure[];
	    undo: string;
	    kind: string;
	    library: string;
	
	    static createFrom(source: any = {}) {
	        return new UndoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.paths = source["paths"];
	        this.failures = this.convertValues(source["failures"], FileFailure);
	        this.undo = source["undo"];
	        this.kind = source["kind"];
	        this.library = source["library"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace remote {
	
	export class Status {
	    library: string;
	    baseUrl: string;
	    ok: boolean;
	    reason: string;
	    // Go type: time
	    checked: any;
	    fallback: number;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.library = source["library"];
	        this.baseUrl = source["baseUrl"];
	        this.ok = source["ok"];
	        this.reason = source["reason"];
	        this.checked = this.convertValues(source["checked"], null);
	        this.fallback = source["fallback"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace settings {
	
	export class ProfileLibrary {
	    library: string;
	    pathPrefix: string;
	
	    static createFrom(source: any = {}) {
	        return new ProfileLibrary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.library = source["library"];
	        this.pathPrefix = source["pathPrefix"];
	    }
	}
	export class Profile {
	    id: string;
	    name: string;
	    baseUrl: string;
	    signer: string;
	    truncate: number;
	    escapesNames: boolean;
	    rendersPreviews: boolean;
	    secretSet: boolean;
	    libraries: ProfileLibrary[];
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.baseUrl = source["baseUrl"];
	        this.signer = source["signer"];
	        this.truncate = source["truncate"];
	        this.escapesNames = source["escapesNames"];
	        this.rendersPreviews = source["rendersPreviews"];
	        this.secretSet = source["secretSet"];
	        this.libraries = this.convertValues(source["libraries"], ProfileLibrary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProfileInput {
	    id: string;
	    name: string;
	    baseUrl: string;
	    secret?: string;
	    signer: string;
	    truncate: number;
	    escapesNames: boolean;
	    rendersPreviews: boolean;
	    libraries: ProfileLibrary[];
	
	    static createFrom(source: any = {}) {
	        return new ProfileInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.baseUrl = source["baseUrl"];
	        this.secret = source["secret"];
	        this.signer = source["signer"];
	        this.truncate = source["truncate"];
	        this.escapesNames = source["escapesNames"];
	        this.rendersPreviews = source["rendersPreviews"];
	        this.libraries = this.convertValues(source["libraries"], ProfileLibrary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

