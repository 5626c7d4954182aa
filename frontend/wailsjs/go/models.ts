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
	    name: string;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new Library(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
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
	    }
	}
	export class Location {
	    library: string;
	    path: string;
	    select: string;
	
	    static createFrom(source: any = {}) {
	        return new Location(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.library = source["library"];
	        this.path = source["path"];
	        this.select = source["select"];
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

