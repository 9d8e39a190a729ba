// Every jest test runs with Excel's CustomFunctions global present, as the add-in does inside Excel.
import { makeCustomFunctionsStub } from "./customFunctionsStub";

(globalThis as Record<string, unknown>).CustomFunctions = makeCustomFunctionsStub().stub;
