// Evaluates an ARM template into the resources it would deploy, the way Resource Manager reads
// it: parameters (defaults, parameter files, --param), variables (with copy variables),
// user-defined functions, resource/property/variable copy loops with copyIndex(), conditions,
// child resources nested in `resources`, languageVersion 2.0 templates (symbolic names,
// `existing` references), nested inline deployments (inner and outer expression scope) and
// linked templates on the local file system. Each resource keeps the file and line of its
// declaration.
//
// What cannot be known before deployment is marked, not guessed: reference(), list*(),
// utcNow() and newGuid() become {"$unknown": "<expression>"}, and a condition that depends on
// one keeps its resource (a gate should see what might be deployed). Secure parameters are
// never read: they are "<redacted>". The deployment's subscription and resource group are the
// placeholders of deployment-target.ts.
//
// The result is the declared resources in ARM casing; normalise.ts turns them into snapshot
// resources (lower-case types, children merged into their parents, secrets redacted).

import { dirname, resolve } from "node:path";
import { ErguardError, type SourceLocation } from "../errors.js";
import { JsonDocument, parseJson, type JsonPath } from "../snapshot/json-positions.js";
import { readTextFile } from "../snapshot/read-text-file.js";
import { REDACTED, type CollectionError, type ResourceOrigin } from "../snapshot/types.js";
import { evaluateExpression, ExpressionError, isExpression, literalString, parseExpression, type ArmFunction, type FunctionResolver } from "./arm-expressions.js";
import { armString, functionResolver, type TemplateHost } from "./arm-functions.js";
import { checkParameterValue, declaredType, isSecure, parameterFileValues, type GivenParameter, type ParameterValues } from "./arm-parameters.js";
import { resourceIdOf, extensionResourceIdOf, PLACEHOLDER_TARGET, type DeploymentTarget } from "./deployment-target.js";
import { getProperty, isObject, isUnknown, typeName, unknownValue, type JsonObject, type JsonValue } from "./json-value.js";
import type { DeclaredResource } from "./normalise.js";
import { looksLikeTemplate, MAX_INPUT_BYTES } from "./detect.js";

// Resource Manager's limit on copy loop iterations.
const MAX_COPY_COUNT = 800;
const MAX_NESTING = 20;

export interface TemplateEvaluation {
  readonly resources: DeclaredResource[];
  // Problems that did not stop the evaluation (a linked template on a URL, not scanned).
  readonly problems: CollectionError[];
  readonly warnings: string[];
}

export interface TemplateSource {
  readonly path: string; // where to read relative links from
  readonly text: string;
  readonly content: unknown; // the parsed JSON
}

export interface TemplateOptions {
  // The file name resources' origin carries (relative to the snapshot's base directory).
  readonly displayPath: (path: string) => string;
  readonly target?: DeploymentTarget;
}

export async function evaluateTemplate(
  source: TemplateSource,
  parameters: ParameterValues,
  options: TemplateOptions,
): Promise<TemplateEvaluation> {
  const run: Run = { resources: [], problems: [], warnings: [], options };
  const doc = new JsonDocument(source.text);
  const context = new TemplateContext(run, source.path, doc, [], asTemplate(source.content, options.displayPath(source.path)), parameters, 0);
  await context.expandAll(new Scope(context, options.target ?? PLACEHOLDER_TARGET));
  return { resources: run.resources, problems: run.problems, warnings: run.warnings };
}

function asTemplate(content: unknown, file: string): JsonObject {
  if (!looksLikeTemplate(content)) {
    throw new ErguardError("bad_input", "not an ARM template: expected an object with $schema …/deploymentTemplate.json# and resources", { file });
  }
  return content as JsonObject;
}

// ---------------------------------------------------------------------------------------------

interface Run {
  readonly resources: DeclaredResource[];
  readonly problems: CollectionError[];
  readonly warnings: string[];
  readonly options: TemplateOptions;
}

// One template: a file, a nested template with inner scope, or a user-defined function body.
class TemplateContext {
  private readonly parameterCache = new Map<string, JsonValue>();
  private readonly variableCache = new Map<string, JsonValue>();
  private readonly inProgress = new Set<string>();
  readonly file: string;
  readonly symbolic: boolean;

  constructor(
    readonly run: Run,
    readonly path: string,
    readonly doc: JsonDocument,
    readonly base: JsonPath, // where the template sits in the file
    readonly template: JsonObject,
    readonly given: ParameterValues,
    readonly depth: number,
    readonly functions: JsonValue = template["functions"] ?? null,
  ) {
    this.file = run.options.displayPath(path);
    this.symbolic = isObject(template["resources"] ?? null);
  }

  location(path: JsonPath): SourceLocation {
    const line = this.doc.lineOf([...this.base, ...path]);
    return line === undefined ? { file: this.file } : { file: this.file, line };
  }

  // --- parameters and variables, evaluated once, on first use

  parameter(name: string, root: Scope): JsonValue {
    const key = name.toLowerCase();
    const cached = this.parameterCache.get(key);
    if (cached !== undefined) return cached;
    const declarations = isObject(this.template["parameters"] ?? null) ? (this.template["parameters"] as JsonObject) : {};
    const declaredName = Object.keys(declarations).find((k) => k.toLowerCase() === key);
    if (declaredName === undefined) {
      throw new ExpressionError(`the template declares no parameter "${name}"${suggest(name, Object.keys(declarations))}`);
    }
    const declaration = declarations[declaredName];
    const path: JsonPath = ["parameters", declaredName];
    if (!isObject(declaration ?? null)) throw new ErguardError("bad_input", `parameter "${declaredName}": expected an object with a type`, this.location(path));
    const decl = declaration as JsonObject;
    const given = this.given.get(key);
    let value: JsonValue;
    if (isSecure(declaredType(decl))) {
      value = this.secureParameter(decl, given, root, path);
    } else if (given !== undefined) {
      value = checkParameterValue(declaredName, decl, given, this.location(path));
    } else if (Object.hasOwn(decl, "defaultValue")) {
      value = this.guard(`parameter "${declaredName}"`, path, () => root.evaluate(decl["defaultValue"] as JsonValue, [...path, "defaultValue"]));
    } else if (decl["nullable"] === true) {
      value = null;
    } else {
      throw new ErguardError(
        "bad_input",
        `parameter "${declaredName}" has no value and no default: expected --parameters FILE or --param ${declaredName}=…`,
        this.location(path),
      );
    }
    this.parameterCache.set(key, value);
    return value;
  }

  // A secret is never read into a snapshot: a secure parameter is "<redacted>" when it will
  // have a value (given, defaulted, or required at deployment) and "" when it is known empty,
  // so that a policy still sees whether a key is set.
  private secureParameter(decl: JsonObject, given: GivenParameter | undefined, root: Scope, path: JsonPath): JsonValue {
    let value: JsonValue | undefined = given?.value;
    if (given === undefined && Object.hasOwn(decl, "defaultValue")) value = root.evaluate(decl["defaultValue"] as JsonValue, [...path, "defaultValue"]);
    return value === "" ? "" : REDACTED;
  }

  variable(name: string, root: Scope): JsonValue {
    const key = name.toLowerCase();
    const cached = this.variableCache.get(key);
    if (cached !== undefined) return cached;
    const variables = isObject(this.template["variables"] ?? null) ? (this.template["variables"] as JsonObject) : {};
    let value: JsonValue;
    const copyIndex = copyVariableIndex(variables, key);
    if (copyIndex !== undefined) {
      const path: JsonPath = ["variables", "copy", copyIndex];
      value = this.guard(`variable "${name}"`, path, () => root.copyArray((variables["copy"] as JsonValue[])[copyIndex] as JsonObject, path));
    } else {
      const declaredName = Object.keys(variables).find((k) => k.toLowerCase() === key && k !== "copy");
      if (declaredName === undefined) {
        throw new ExpressionError(`the template declares no variable "${name}"${suggest(name, Object.keys(variables))}`);
      }
      const path: JsonPath = ["variables", declaredName];
      value = this.guard(`variable "${declaredName}"`, path, () => root.evaluate(variables[declaredName] as JsonValue, path));
    }
    this.variableCache.set(key, value);
    return value;
  }

  // Evaluates once; a variable that refers to itself, directly or not, is an error, not a hang.
  private guard(what: string, path: JsonPath, compute: () => JsonValue): JsonValue {
    const key = what.toLowerCase();
    if (this.inProgress.has(key)) throw new ErguardError("bad_input", `${what} refers to itself`, this.location(path));
    this.inProgress.add(key);
    try {
      return compute();
    } finally {
      this.inProgress.delete(key);
    }
  }

  userFunction(qualifiedName: string): ArmFunction | undefined {
    const [namespace, member] = qualifiedName.split(".");
    if (!Array.isArray(this.functions)) return undefined;
    const index = this.functions.findIndex((ns) => isObject(ns) && String(ns["namespace"]).toLowerCase() === namespace?.toLowerCase());
    const ns = this.functions[index];
    const members = isObject(ns ?? null) ? (ns as JsonObject)["members"] : undefined;
    if (!isObject(members ?? null)) return undefined;
    const memberName = Object.keys(members as JsonObject).find((k) => k.toLowerCase() === member?.toLowerCase());
    if (memberName === undefined) return undefined;
    const definition = (members as JsonObject)[memberName] as JsonObject;
    const params = Array.isArray(definition["parameters"]) ? (definition["parameters"] as JsonObject[]) : [];
    const output = isObject(definition["output"] ?? null) ? (definition["output"] as JsonObject) : {};
    const basePath: JsonPath = ["functions", index, "members", memberName];
    return {
      minArgs: params.length,
      maxArgs: params.length,
      run: (call) => {
        // A function sees only its own parameters (and the other user functions).
        const declarations: JsonObject = Object.fromEntries(params.map((p) => [String(p["name"]), { type: p["type"] ?? "any" }]));
        const given = new Map<string, GivenParameter>(params.map((p, i) => [String(p["name"]).toLowerCase(), { value: call.args[i] ?? null, source: qualifiedName }]));
        const body = new TemplateContext(this.run, this.path, this.doc, this.base, { parameters: declarations, resources: [] }, given, this.depth, this.functions);
        return new Scope(body, PLACEHOLDER_TARGET).evaluate(output["value"] ?? null, [...basePath, "output", "value"]);
      },
    };
  }

  // --- resources

  async expandAll(scope: Scope): Promise<void> {
    // Resource Manager checks every parameter, used or not: so does erguard.
    const declarations = this.template["parameters"];
    if (isObject(declarations ?? null)) for (const name of Object.keys(declarations as JsonObject)) scope.parameter(name);
    const resources = this.template["resources"];
    if (Array.isArray(resources)) {
      for (let i = 0; i < resources.length; i++) await this.expand(resources[i] as JsonValue, ["resources", i], scope, undefined, undefined);
    } else if (isObject(resources ?? null)) {
      for (const [symbol, decl] of Object.entries(resources as JsonObject)) await this.expand(decl, ["resources", symbol], scope, undefined, symbol);
    }
  }

  private async expand(declValue: JsonValue, path: JsonPath, scope: Scope, parent: Parent | undefined, symbol: string | undefined): Promise<void> {
    if (!isObject(declValue)) throw new ErguardError("bad_input", `a resource must be an object, found ${typeName(declValue)}`, this.location(path));
    const decl = declValue;
    const copy = decl["copy"];
    if (copy === undefined) {
      await this.expandOne(decl, path, scope, parent, symbol);
      return;
    }
    if (!isObject(copy)) throw new ErguardError("bad_input", `"copy" of a resource must be an object with name and count, found ${typeName(copy)}`, this.location([...path, "copy"]));
    const loopName = typeof copy["name"] === "string" ? copy["name"] : "";
    const count = scope.copyCount(copy, [...path, "copy"]);
    if (count === undefined) {
      this.run.warnings.push(`${this.file}: the copy loop "${loopName}" has a count unknown before deployment; its resources are not expanded`);
      return;
    }
    for (let i = 0; i < count; i++) {
      await this.expandOne(decl, path, scope.withLoop(loopName, i, true), parent, symbol === undefined ? undefined : `${symbol}[${i}]`);
    }
  }

  private async expandOne(decl: JsonObject, path: JsonPath, scope: Scope, parent: Parent | undefined, symbol: string | undefined): Promise<void> {
    if (decl["existing"] === true) return; // a reference to a resource deployed elsewhere
    if (Object.hasOwn(decl, "condition")) {
      const condition = scope.evaluate(decl["condition"] as JsonValue, [...path, "condition"]);
      if (condition === false) return;
      if (isUnknown(condition)) {
        this.run.warnings.push(`${this.file}:${this.location(path).line ?? "?"}: condition ${condition.$unknown} is unknown before deployment; the resource is kept`);
      } else if (condition !== true) {
        throw new ErguardError("bad_input", `the condition must be a bool, found ${typeName(condition)}`, this.location([...path, "condition"]));
      }
    }
    const type = this.resourceType(decl, path, scope, parent);
    const name = this.resourceName(decl, path, scope, parent, type);
    if (/^microsoft\.resources\/deployments$/i.test(type)) {
      await this.expandDeployment(decl, path, scope, name);
      return;
    }
    const target = scope.target;
    let id: string;
    const declaredScope = decl["scope"];
    if (declaredScope !== undefined) {
      const over = scope.evaluate(declaredScope, [...path, "scope"]);
      const overId = typeof over === "string" ? this.symbolicId(over, scope) ?? over : `[${armString(over)}]`;
      id = extensionResourceIdOf(overId, type, name.split("/"));
    } else {
      id = resourceIdOf(target, type, name.split("/"));
    }
    const fields: JsonObject = {};
    for (const field of ["location", "sku", "tags", "zones", "kind", "identity", "plan", "extendedLocation"]) {
      if (Object.hasOwn(decl, field)) fields[field] = scope.evaluate(decl[field] as JsonValue, [...path, field]);
    }
    const properties = Object.hasOwn(decl, "properties") ? scope.evaluate(decl["properties"] as JsonValue, [...path, "properties"]) : {};
    if (!isObject(properties)) throw new ErguardError("bad_input", `"properties" must be an object, found ${typeName(properties)}`, this.location([...path, "properties"]));
    const line = this.location(path).line;
    const origin: ResourceOrigin = { file: this.file, ...(line !== undefined ? { line } : {}), ...(symbol !== undefined ? { address: symbol } : {}) };
    if (!/^microsoft\.resources\/resourcegroups$/i.test(type)) {
      this.run.resources.push({
        id,
        type,
        name,
        subscriptionId: target.subscriptionId,
        ...(target.resourceGroup !== undefined ? { resourceGroup: target.resourceGroup } : {}),
        fields,
        properties,
        origin,
      });
    }
    const children = decl["resources"];
    if (Array.isArray(children)) {
      for (let i = 0; i < children.length; i++) await this.expand(children[i] as JsonValue, [...path, "resources", i], scope, { type, name }, undefined);
    }
  }

  private resourceType(decl: JsonObject, path: JsonPath, scope: Scope, parent: Parent | undefined): string {
    const value = scope.evaluate(decl["type"] ?? null, [...path, "type"]);
    if (typeof value !== "string" || value === "") {
      throw new ErguardError("bad_input", `a resource needs a type such as Microsoft.Network/virtualNetworks, found ${typeName(value)}`, this.location(path));
    }
    // A child nested in its parent's `resources` may give only the last segment ("subnets").
    if (parent !== undefined && !value.includes("/")) return `${parent.type}/${value}`;
    return value;
  }

  private resourceName(decl: JsonObject, path: JsonPath, scope: Scope, parent: Parent | undefined, type: string): string {
    const value = scope.evaluate(decl["name"] ?? null, [...path, "name"]);
    // A name unknown before deployment stays visible as the template expression.
    if (isUnknown(value)) return parent !== undefined ? `${parent.name}/[${value.$unknown}]` : `[${value.$unknown}]`;
    const name = typeof value === "string" ? value : value === null ? "" : armString(value);
    if (name === "") throw new ErguardError("bad_input", "a resource needs a name", this.location(path));
    const segments = type.split("/").length - 1;
    const given = name.split("/").length;
    if (parent !== undefined && given < segments) return `${parent.name}/${name}`;
    if (given !== segments) {
      throw new ErguardError(
        "bad_input",
        `the resource name "${name}" has ${given} segment${given === 1 ? "" : "s"} but its type ${type} needs ${segments}`,
        this.location([...path, "name"]),
      );
    }
    return name;
  }

  // languageVersion 2.0: scope: "[resourceInfo('x').id]" or a bare symbolic name.
  private symbolicId(value: string, scope: Scope): string | undefined {
    if (!this.symbolic || value.startsWith("/")) return undefined;
    const info = scope.resourceInfo(value);
    return info !== undefined && typeof info["id"] === "string" ? info["id"] : undefined;
  }

  resourceInfo(symbol: string, scope: Scope): JsonObject | undefined {
    const resources = this.template["resources"];
    if (!isObject(resources ?? null)) return undefined;
    const key = Object.keys(resources as JsonObject).find((k) => k.toLowerCase() === symbol.toLowerCase());
    if (key === undefined) return undefined;
    const decl = (resources as JsonObject)[key] as JsonObject;
    const path: JsonPath = ["resources", key];
    const type = this.resourceType(decl, path, scope, undefined);
    const name = this.resourceName(decl, path, scope, undefined, type);
    return { id: resourceIdOf(scope.target, type, name.split("/")), name, type, apiVersion: decl["apiVersion"] ?? null };
  }

  // --- nested and linked deployments

  private async expandDeployment(decl: JsonObject, path: JsonPath, outer: Scope, name: string): Promise<void> {
    const location = this.location(path);
    if (this.depth >= MAX_NESTING) throw new ErguardError("bad_input", `deployments are nested more than ${MAX_NESTING} deep`, location);
    const target = this.deploymentTarget(decl, path, outer);
    const props = isObject(decl["properties"] ?? null) ? (decl["properties"] as JsonObject) : {};
    const options = getProperty(props, "expressionEvaluationOptions");
    const inner = isObject(options ?? null) && String(getProperty(options as JsonObject, "scope") ?? "").toLowerCase() === "inner";
    const propsPath: JsonPath = [...path, "properties"];
    const template = props["template"];
    if (isObject(template ?? null)) {
      const templatePath: JsonPath = [...this.base, ...propsPath, "template"];
      if (!inner) {
        // Outer scope: the nested resources read this template's parameters and variables.
        const nested = new TemplateContext(this.run, this.path, this.doc, templatePath, template as JsonObject, this.given, this.depth + 1, this.functions);
        await nested.expandResourcesWith(outer.withTarget(target), this);
        return;
      }
      const given = await this.deploymentParameters(props, propsPath, outer);
      const nested = new TemplateContext(this.run, this.path, this.doc, templatePath, template as JsonObject, given, this.depth + 1);
      await nested.expandAll(new Scope(nested, target));
      return;
    }
    const link = props["templateLink"];
    if (!isObject(link ?? null)) {
      throw new ErguardError("bad_input", `deployment "${name}" has neither "template" nor "templateLink"`, location);
    }
    const linkPath: JsonPath = [...propsPath, "templateLink"];
    const linkObject = link as JsonObject;
    const raw = outer.evaluate(linkObject["relativePath"] ?? linkObject["uri"] ?? linkObject["id"] ?? null, linkPath);
    const local = typeof raw === "string" ? localLink(raw) : undefined;
    if (local === undefined) {
      this.run.problems.push({
        scope: this.file,
        code: "not_scanned",
        message: `${this.file}:${location.line ?? "?"}: linked template ${isUnknown(raw) ? raw.$unknown : JSON.stringify(raw)} of deployment "${name}" is not on the local file system and was not scanned`,
      });
      return;
    }
    const linkedPath = resolve(dirname(this.path), local);
    let text: string;
    try {
      text = await readTextFile(linkedPath, { maxBytes: MAX_INPUT_BYTES, what: "templates" });
    } catch (err) {
      this.run.problems.push({
        scope: this.file,
        code: err instanceof ErguardError ? err.code : "bad_input",
        message: `${this.file}:${location.line ?? "?"}: linked template ${local} of deployment "${name}": ${err instanceof Error ? err.message : String(err)}`,
      });
      return;
    }
    const display = this.run.options.displayPath(linkedPath);
    const content = parseJson(text, display, { allowComments: true });
    const given = await this.deploymentParameters(props, propsPath, outer);
    const linked = new TemplateContext(this.run, linkedPath, new JsonDocument(text), [], asTemplate(content, display), given, this.depth + 1);
    await linked.expandAll(new Scope(linked, target));
  }

  // Outer-scope nesting: the nested template's resources, evaluated by the enclosing template.
  async expandResourcesWith(scope: Scope, owner: TemplateContext): Promise<void> {
    const resources = this.template["resources"];
    if (!Array.isArray(resources)) return;
    const evaluatingScope = scope.forDocument(this, owner);
    for (let i = 0; i < resources.length; i++) await this.expand(resources[i] as JsonValue, ["resources", i], evaluatingScope, undefined, undefined);
  }

  private deploymentTarget(decl: JsonObject, path: JsonPath, outer: Scope): DeploymentTarget {
    const t = outer.target;
    const text = (key: string): string | undefined => {
      if (!Object.hasOwn(decl, key)) return undefined;
      const v = outer.evaluate(decl[key] as JsonValue, [...path, key]);
      return typeof v === "string" ? v : isUnknown(v) ? `[${v.$unknown}]` : undefined;
    };
    const subscriptionId = text("subscriptionId") ?? t.subscriptionId;
    // A deployment to another subscription without a resource group targets that subscription.
    const resourceGroup = text("resourceGroup") ?? (subscriptionId === t.subscriptionId ? t.resourceGroup : undefined);
    return { subscriptionId, tenantId: t.tenantId, location: t.location, ...(resourceGroup !== undefined ? { resourceGroup } : {}) };
  }

  private async deploymentParameters(props: JsonObject, propsPath: JsonPath, outer: Scope): Promise<ParameterValues> {
    const values = new Map<string, GivenParameter>();
    const inline = props["parameters"];
    if (isObject(inline ?? null)) {
      for (const [name, entry] of Object.entries(inline as JsonObject)) {
        const entryPath: JsonPath = [...propsPath, "parameters", name];
        if (isObject(entry) && Object.hasOwn(entry, "value")) {
          values.set(name.toLowerCase(), { value: outer.evaluate(entry["value"] as JsonValue, [...entryPath, "value"]), source: this.file });
        } else if (isObject(entry) && Object.hasOwn(entry, "reference")) {
          values.set(name.toLowerCase(), { value: unknownValue(`parameters('${name}')`), source: this.file });
        }
      }
    }
    const link = props["parametersLink"];
    if (isObject(link ?? null)) {
      const raw = outer.evaluate((link as JsonObject)["uri"] ?? null, [...propsPath, "parametersLink", "uri"]);
      const local = typeof raw === "string" ? localLink(raw) : undefined;
      if (local !== undefined) {
        const file = resolve(dirname(this.path), local);
        const text = await readTextFile(file, { maxBytes: MAX_INPUT_BYTES, what: "parameter files" });
        for (const [k, v] of parameterFileValues(parseJson(text, this.run.options.displayPath(file), { allowComments: true }), this.run.options.displayPath(file))) values.set(k, v);
      }
    }
    return values;
  }
}

interface Parent {
  readonly type: string;
  readonly name: string;
}

function localLink(link: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(link) || link.startsWith("/subscriptions/")) return undefined;
  return link;
}

function copyVariableIndex(variables: JsonObject, key: string): number | undefined {
  const copy = variables["copy"];
  if (!Array.isArray(copy)) return undefined;
  const i = copy.findIndex((c) => isObject(c) && typeof c["name"] === "string" && c["name"].toLowerCase() === key);
  return i < 0 ? undefined : i;
}

function suggest(name: string, known: readonly string[]): string {
  const lower = name.toLowerCase();
  const close = known.find((k) => k !== "copy" && (k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase())));
  return close !== undefined ? ` (did you mean "${close}"?)` : "";
}

// ---------------------------------------------------------------------------------------------

// Where an expression is evaluated: a template, the copy loops around it, the deployment target.
class Scope implements TemplateHost {
  private resolver: FunctionResolver | undefined;

  constructor(
    private readonly context: TemplateContext,
    readonly target: DeploymentTarget,
    private readonly loops: ReadonlyMap<string, number> = new Map(),
    private readonly resourceLoop: string | undefined = undefined,
    // Outer-scope nested templates: lines come from `document`, values from `context`.
    private readonly document: TemplateContext = context,
  ) {}

  withLoop(name: string, index: number, isResourceLoop: boolean): Scope {
    const loops = new Map(this.loops).set(name.toLowerCase(), index);
    return new Scope(this.context, this.target, loops, isResourceLoop ? name.toLowerCase() : this.resourceLoop, this.document);
  }

  withTarget(target: DeploymentTarget): Scope {
    return new Scope(this.context, target, this.loops, this.resourceLoop, this.document);
  }

  forDocument(document: TemplateContext, owner: TemplateContext): Scope {
    return new Scope(owner, this.target, this.loops, this.resourceLoop, document);
  }

  private root(): Scope {
    return new Scope(this.context, this.target);
  }

  // --- TemplateHost

  parameter(name: string): JsonValue {
    return this.context.parameter(name, this.root());
  }

  variable(name: string): JsonValue {
    return this.context.variable(name, this.root());
  }

  copyIndex(loop: string | undefined): number {
    const key = loop?.toLowerCase() ?? this.resourceLoop;
    const index = key === undefined ? undefined : this.loops.get(key);
    if (index === undefined) {
      throw new ExpressionError(loop === undefined ? "copyIndex() is used outside a copy loop" : `copyIndex('${loop}') names no enclosing copy loop`);
    }
    return index;
  }

  deployment(): JsonObject {
    return {
      name: unknownValue("deployment().name"),
      properties: {
        templateLink: unknownValue("deployment().properties.templateLink"),
        template: { contentVersion: this.context.template["contentVersion"] ?? "1.0.0.0", metadata: this.context.template["metadata"] ?? {} },
        parameters: {},
        mode: "Incremental",
        provisioningState: "Accepted",
      },
    };
  }

  userFunction(qualifiedName: string): ArmFunction | undefined {
    return this.context.userFunction(qualifiedName);
  }

  resourceInfo(symbolicName: string): JsonObject | undefined {
    return this.context.resourceInfo(symbolicName, this);
  }

  // --- evaluation

  // Evaluates a template value: expressions in strings, property copy loops in objects.
  evaluate(value: JsonValue, path: JsonPath): JsonValue {
    if (typeof value === "string") return this.evaluateString(value, path);
    if (Array.isArray(value)) return value.map((v, i) => this.evaluate(v, [...path, i]));
    if (value === null || typeof value !== "object") return value;
    const out: JsonObject = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === "copy" && Array.isArray(v) && v.every((c) => isObject(c) && "input" in c)) {
        v.forEach((loop, i) => {
          const loopObject = loop as JsonObject;
          out[String(loopObject["name"])] = this.copyArray(loopObject, [...path, "copy", i]);
        });
      } else {
        out[key] = this.evaluate(v, [...path, key]);
      }
    }
    return out;
  }

  private evaluateString(text: string, path: JsonPath): JsonValue {
    if (!isExpression(text)) return literalString(text);
    const source = text.slice(1, -1);
    try {
      const expr = parseExpression(source);
      if (this.resolver === undefined) this.resolver = functionResolver(this);
      return evaluateExpression(expr, source, this.resolver);
    } catch (err) {
      if (err instanceof ExpressionError) throw new ErguardError("bad_input", err.message, this.document.location(path));
      throw err;
    }
  }

  // A property or variable copy loop: { name, count, input } → the array of inputs.
  copyArray(loop: JsonObject, path: JsonPath): JsonValue {
    const name = typeof loop["name"] === "string" ? loop["name"] : "";
    if (name === "") throw new ErguardError("bad_input", 'a copy loop needs a "name"', this.document.location(path));
    const count = this.copyCount(loop, path);
    if (count === undefined) return unknownValue(`copy '${name}'`);
    const out: JsonValue[] = [];
    for (let i = 0; i < count; i++) out.push(this.withLoop(name, i, false).evaluate(loop["input"] ?? null, [...path, "input"]));
    return out;
  }

  copyCount(loop: JsonObject, path: JsonPath): number | undefined {
    const count = this.evaluate(loop["count"] ?? null, [...path, "count"]);
    if (isUnknown(count)) return undefined;
    const where = this.document.location([...path, "count"]);
    if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
      const hint = Array.isArray(count) ? ' (an array: use "[length(…)]" to loop over it)' : "";
      throw new ErguardError("bad_input", `copy loop "${String(loop["name"] ?? "")}": count must be a non-negative integer, found ${typeName(count)}${hint}`, where);
    }
    if (count > MAX_COPY_COUNT) {
      throw new ErguardError("bad_input", `copy loop "${String(loop["name"] ?? "")}": count ${count} exceeds Resource Manager's limit of ${MAX_COPY_COUNT}`, where);
    }
    return count;
  }
}
