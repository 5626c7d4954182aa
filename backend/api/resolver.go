package api

// Resolver is the root of the GraphQL resolvers. Each resolver calls the backend services in
// svc, the same ones the window's bound methods in app/ call.
type Resolver struct {
	svc *Services
	srv *Server
}
