package s3

// PartSizeFor returns the part size that client uses for an object of size bytes.
func PartSizeFor(client *Client, size int64) int64 {
	return client.partSizeFor(size)
}
