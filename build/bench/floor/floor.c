/* floor is the libvips floor of the benchmark harness: vips_thumbnail and vips_webpsave_buffer on
 * the bundled libvips, with nothing around them. It also generates the harness's synthetic corpus
 * with the same library, from seeded noise, so the files are the same on every run.
 *
 *   floor serve THREADS
 *     Reads one request per line on standard input, "ID\tWIDTH\tHEIGHT\tQUALITY\tANIMATED\tPATH",
 *     renders a WIDTH x HEIGHT fit-inside WebP thumbnail in memory and writes
 *     "ID\tBYTES\t" (or "ID\t0\tMESSAGE" on failure) to standard output. THREADS requests run at
 *     once. ANIMATED 1 loads every frame (n=-1), as imagor does for a GIF.
 *
 *   floor generate KIND SEED WIDTH HEIGHT OUT
 *     KIND is photo (JPEG q90), alpha (PNG with a soft alpha mask), avif (AV1 HEIF q60) or
 *     gif (12 animated frames).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

static pthread_mutex_t in_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

/* render makes one thumbnail and returns its size in bytes, or -1 with the libvips error. */
static long render(const char *path, int width, int height, int quality, int animated)
{
	VipsImage *thumb;
	void *buf;
	size_t len;

	/* Load options go in brackets after the file name. */
	char *name = animated ? g_strdup_printf("%s[n=-1]", path) : g_strdup(path);
	int failed = vips_thumbnail(name, &thumb, width, "height", height, "size", VIPS_SIZE_DOWN, NULL);
	g_free(name);
	if (failed)
		return -1;
	if (vips_webpsave_buffer(thumb, &buf, &len, "Q", quality, NULL)) {
		g_object_unref(thumb);
		return -1;
	}
	g_object_unref(thumb);
	g_free(buf);
	return (long) len;
}

static void reply(const char *id, long bytes)
{
	pthread_mutex_lock(&out_lock);
	if (bytes >= 0) {
		printf("%s\t%ld\t\n", id, bytes);
	}
	else {
		char *message = g_strdup(vips_error_buffer());
		vips_error_clear();
		g_strdelimit(message, "\t\r\n", ' ');
		printf("%s\t0\t%s\n", id, message[0] ? message : "render failed");
		g_free(message);
	}
	fflush(stdout);
	pthread_mutex_unlock(&out_lock);
}

static void *worker(void *unused)
{
	char *line = NULL;
	size_t cap = 0;

	(void) unused;
	for (;;) {
		char id[64], path[4096];
		int width, height, quality, animated;

		pthread_mutex_lock(&in_lock);
		ssize_t n = getline(&line, &cap, stdin);
		pthread_mutex_unlock(&in_lock);
		if (n < 0)
			break;
		if (sscanf(line, "%63[^\t]\t%d\t%d\t%d\t%d\t%4095[^\n]", id, &width, &height,
			    &quality, &animated, path) != 6) {
			fprintf(stderr, "floor: invalid request line: %s", line);
			continue;
		}
		reply(id, render(path, width, height, quality, animated));
	}
	free(line);
	return NULL;
}

static int serve(int threads)
{
	pthread_t *ids = g_new(pthread_t, threads);

	/* No operation cache: every request must decode its file, as in the other peers. */
	vips_cache_set_max(0);
	for (int i = 0; i < threads; i++)
		pthread_create(&ids[i], NULL, worker, NULL);
	for (int i = 0; i < threads; i++)
		pthread_join(ids[i], NULL);
	g_free(ids);
	return 0;
}

/* noise_band returns one band: two octaves of Perlin noise around 128 plus Gaussian grain, so a
 * JPEG of it compresses about like a photograph. */
static VipsImage *noise_band(VipsObject *scope, int width, int height, int seed)
{
	VipsImage **t = (VipsImage **) vips_object_local_array(scope, 6);

	if (vips_perlin(&t[0], width, height, "cell_size", 512, "seed", seed, NULL) ||
	    vips_perlin(&t[1], width, height, "cell_size", 48, "seed", seed + 101, NULL) ||
	    vips_gaussnoise(&t[2], width, height, "sigma", 6.0, "mean", 0.0, "seed", seed + 202, NULL) ||
	    vips_linear1(t[0], &t[3], 90.0, 128.0, NULL) ||
	    vips_linear1(t[1], &t[4], 30.0, 0.0, NULL) ||
	    vips_sum(&t[3], &t[5], 2, NULL))
		return NULL;
	VipsImage *with_grain;
	VipsImage *in[2] = {t[5], t[2]};
	if (vips_sum(in, &with_grain, 2, NULL))
		return NULL;
	vips_object_local(scope, with_grain);
	return with_grain;
}

static VipsImage *photo(VipsObject *scope, int width, int height, int seed)
{
	VipsImage *bands[3];
	for (int i = 0; i < 3; i++)
		if (!(bands[i] = noise_band(scope, width, height, seed * 10 + i)))
			return NULL;
	VipsImage *joined, *rgb;
	if (vips_bandjoin(bands, &joined, 3, NULL))
		return NULL;
	vips_object_local(scope, joined);
	if (vips_cast_uchar(joined, &rgb, NULL))
		return NULL;
	vips_object_local(scope, rgb);
	rgb->Type = VIPS_INTERPRETATION_sRGB;
	return rgb;
}

static int with_alpha(VipsObject *scope, VipsImage *rgb, int seed, VipsImage **out)
{
	VipsImage **t = (VipsImage **) vips_object_local_array(scope, 3);
	if (vips_perlin(&t[0], rgb->Xsize, rgb->Ysize, "cell_size", 400, "seed", seed + 303, NULL) ||
	    vips_linear1(t[0], &t[1], 400.0, 128.0, NULL) || vips_cast_uchar(t[1], &t[2], NULL))
		return -1;
	return vips_bandjoin2(rgb, t[2], out, NULL);
}

static int animation(VipsObject *scope, int width, int height, int seed, VipsImage **out)
{
	enum { frames = 12 };
	VipsImage *pages[frames], *joined;
	for (int i = 0; i < frames; i++)
		if (!(pages[i] = photo(scope, width, height, seed * 100 + i)))
			return -1;
	if (vips_arrayjoin(pages, &joined, frames, "across", 1, NULL))
		return -1;
	vips_object_local(scope, joined);
	if (vips_copy(joined, out, NULL))
		return -1;
	vips_image_set_int(*out, "page-height", height);
	int delays[frames];
	for (int i = 0; i < frames; i++)
		delays[i] = 80;
	vips_image_set_array_int(*out, "delay", delays, frames);
	return 0;
}

static int generate(const char *kind, int seed, int width, int height, const char *out)
{
	VipsObject *scope = (VipsObject *) vips_image_new();
	VipsImage *img = NULL;
	int err = -1;

	if (strcmp(kind, "gif") == 0) {
		if (animation(scope, width, height, seed, &img) == 0)
			err = vips_gifsave(img, out, NULL);
	}
	else {
		VipsImage *rgb = photo(scope, width, height, seed);
		if (!rgb)
			err = -1;
		else if (strcmp(kind, "photo") == 0)
			err = vips_jpegsave(rgb, out, "Q", 90, NULL);
		else if (strcmp(kind, "avif") == 0)
			err = vips_heifsave(rgb, out, "Q", 60, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1,
			    "effort", 2, NULL);
		else if (strcmp(kind, "alpha") == 0) {
			if (with_alpha(scope, rgb, seed, &img) == 0)
				err = vips_pngsave(img, out, NULL);
		}
		else
			vips_error("floor", "unknown kind %s: use photo, alpha, avif or gif", kind);
	}
	if (img)
		g_object_unref(img);
	g_object_unref(scope);
	if (err)
		fprintf(stderr, "floor: generate %s: %s", out, vips_error_buffer());
	return err ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (VIPS_INIT(argv[0]))
		vips_error_exit("floor: start libvips");
	if (argc == 3 && strcmp(argv[1], "serve") == 0)
		return serve(atoi(argv[2]) > 0 ? atoi(argv[2]) : 1);
	if (argc == 7 && strcmp(argv[1], "generate") == 0)
		return generate(argv[2], atoi(argv[3]), atoi(argv[4]), atoi(argv[5]), argv[6]);
	fprintf(stderr, "usage: floor serve THREADS | floor generate KIND SEED WIDTH HEIGHT OUT\n");
	return 2;
}
