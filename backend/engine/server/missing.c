// Definitions for the libvips operations that the bundled build leaves out (RAW through dcraw,
// ImageMagick, FITS, Analyze, Matlab, NIfTI, OpenEXR, PPM and Radiance). vipsgen references all of
// them, so without these the engine does not link; each fails at run time with a vips error.
#include <vips/vips.h>

#define MISSING(name, params)                                                   \
	int name params                                                             \
	{                                                                           \
		vips_error(#name, "not in this libvips build");                         \
		return -1;                                                              \
	}

MISSING(vips_analyzeload, (const char *filename, VipsImage **out, ...))
MISSING(vips_dcrawload, (const char *filename, VipsImage **out, ...))
MISSING(vips_dcrawload_buffer, (void *buf, size_t len, VipsImage **out, ...))
MISSING(vips_dcrawload_source, (VipsSource *source, VipsImage **out, ...))
MISSING(vips_fitsload, (const char *filename, VipsImage **out, ...))
MISSING(vips_fitssave, (VipsImage *in, const char *filename, ...))
MISSING(vips_magickload, (const char *filename, VipsImage **out, ...))
MISSING(vips_magickload_buffer, (void *buf, size_t len, VipsImage **out, ...))
MISSING(vips_magickload_source, (VipsSource *source, VipsImage **out, ...))
MISSING(vips_magicksave, (VipsImage *in, const char *filename, ...))
MISSING(vips_magicksave_buffer, (VipsImage *in, void **buf, size_t *len, ...))
MISSING(vips_matload, (const char *filename, VipsImage **out, ...))
MISSING(vips_niftiload, (const char *filename, VipsImage **out, ...))
MISSING(vips_niftiload_source, (VipsSource *source, VipsImage **out, ...))
MISSING(vips_niftisave, (VipsImage *in, const char *filename, ...))
MISSING(vips_openexrload, (const char *filename, VipsImage **out, ...))
MISSING(vips_ppmload, (const char *filename, VipsImage **out, ...))
MISSING(vips_ppmload_buffer, (void *buf, size_t len, VipsImage **out, ...))
MISSING(vips_ppmload_source, (VipsSource *source, VipsImage **out, ...))
MISSING(vips_ppmsave, (VipsImage *in, const char *filename, ...))
MISSING(vips_ppmsave_target, (VipsImage *in, VipsTarget *target, ...))
MISSING(vips_radload, (const char *filename, VipsImage **out, ...))
MISSING(vips_radload_buffer, (void *buf, size_t len, VipsImage **out, ...))
MISSING(vips_radload_source, (VipsSource *source, VipsImage **out, ...))
MISSING(vips_radsave, (VipsImage *in, const char *filename, ...))
MISSING(vips_radsave_buffer, (VipsImage *in, void **buf, size_t *len, ...))
MISSING(vips_radsave_target, (VipsImage *in, VipsTarget *target, ...))
