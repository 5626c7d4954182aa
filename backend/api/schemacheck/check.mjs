// Checks the API's schema with graphql-js, the GraphQL reference implementation. It sends the
// standard introspection query to API_URL with API_TOKEN and builds a client schema from the
// result with buildClientSchema, which throws on any inconsistency. Then it validates a few
// documents against it and checks the fields scripts rely on, with their arguments and types.
// Usage: API_URL=http://127.0.0.1:PORT/graphql API_TOKEN=... node check.mjs
import {
  buildClientSchema,
  getIntrospectionQuery,
  parse,
  printSchema,
  validate,
  validateSchema,
} from 'graphql'

const CONTRACT = {
  Query: {
    libraries: { type: '[Library!]!', args: {} },
    folder: {
      type: 'FolderPage!',
      args: { library: 'ID!', path: 'String!', first: 'Int', after: 'String', sort: 'SortInput' },
    },
    imageUrl: {
      type: 'String!',
      args: { library: 'ID!', path: 'String!', ops: 'String', profile: 'ID', signed: 'Boolean' },
    },
    meta: { type: 'JSON!', args: { library: 'ID!', path: 'String!' } },
    profiles: { type: '[Profile!]!', args: {} },
  },
  Mutation: {
    addLibrary: { type: 'Library!', args: { path: 'String!' } },
    removeLibrary: { type: 'ID!', args: { id: 'ID!' } },
    createFolder: { type: 'String!', args: { library: 'ID!', path: 'String!' } },
    rename: { type: 'String!', args: { library: 'ID!', path: 'String!', newName: 'String!' } },
    move: { type: '[String!]!', args: { library: 'ID!', paths: '[String!]!', to: 'String!' } },
    trash: { type: '[String!]!', args: { library: 'ID!', paths: '[String!]!' } },
    importFiles: {
      type: '[String!]!',
      args: { library: 'ID!', folder: 'String!', sources: '[String!]!' },
    },
    saveProfile: { type: 'Profile!', args: { input: 'ProfileInput!' } },
  },
  FolderPage: {
    entries: { type: '[Entry!]!' },
    totalCount: { type: 'Int!' },
    pageInfo: { type: 'PageInfo!' },
  },
  PageInfo: { endCursor: { type: 'String' }, hasNextPage: { type: 'Boolean!' } },
  Entry: Object.fromEntries(
    ['name', 'path', 'kind', 'size', 'modifiedAt', 'width', 'height', 'thumbnailUrl'].map((f) => [
      f,
      {},
    ]),
  ),
  Profile: Object.fromEntries(
    ['name', 'baseUrl', 'signer', 'truncate', 'escapesNames', 'libraries'].map((f) => [f, {}]),
  ),
  ProfileLibrary: { library: {}, pathPrefix: {} },
}

const DOCUMENTS = [
  `query Page($l: ID!, $after: String) {
     folder(library: $l, path: "", first: 100, after: $after, sort: { by: NAME, desc: false }) {
       entries { name path kind size modifiedAt width height thumbnailUrl }
       totalCount
       pageInfo { endCursor hasNextPage }
     }
   }`,
  `mutation { saveProfile(input: { name: "n", baseUrl: "https://x", secret: "s", signer: SHA256,
     truncate: 40, escapesNames: true, libraries: [{ library: "a", pathPrefix: "p/" }] }) { id signer } }`,
]

function fail(message) {
  console.error('schemacheck: ' + message)
  process.exit(1)
}

const url = process.env.API_URL
const token = process.env.API_TOKEN
if (!url || !token) fail('set API_URL and API_TOKEN')

const response = await fetch(url, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
  body: JSON.stringify({ query: getIntrospectionQuery() }),
})
const result = await response.json()
if (!response.ok || result.errors) {
  fail(`introspection: HTTP ${response.status}: ${JSON.stringify(result.errors)}`)
}

const schema = buildClientSchema(result.data)
const schemaErrors = validateSchema(schema)
if (schemaErrors.length > 0) fail('invalid schema: ' + schemaErrors.map(String).join('; '))

const problems = []
for (const [typeName, fields] of Object.entries(CONTRACT)) {
  const type = schema.getType(typeName)
  if (!type || typeof type.getFields !== 'function') {
    problems.push(`type ${typeName} is missing`)
    continue
  }
  const actual = type.getFields()
  for (const [name, want] of Object.entries(fields)) {
    const field = actual[name]
    if (!field) {
      problems.push(`${typeName}.${name} is missing`)
      continue
    }
    if (want.type && String(field.type) !== want.type) {
      problems.push(`${typeName}.${name} is ${field.type}, want ${want.type}`)
    }
    for (const [arg, argType] of Object.entries(want.args ?? {})) {
      const found = field.args.find((a) => a.name === arg)
      if (!found) problems.push(`${typeName}.${name}(${arg}) is missing`)
      else if (String(found.type) !== argType) {
        problems.push(`${typeName}.${name}(${arg}) is ${found.type}, want ${argType}`)
      }
    }
  }
}
if (schema.getType('Profile').getFields().secret) problems.push('Profile.secret must not be readable')
for (const doc of DOCUMENTS) {
  for (const err of validate(schema, parse(doc))) problems.push('document: ' + err.message)
}
if (problems.length > 0) fail(problems.join('\n'))

const types = Object.keys(schema.getTypeMap()).filter((n) => !n.startsWith('__')).length
console.log(`schemacheck: ok, ${types} types, ${printSchema(schema).split('\n').length} lines`)
