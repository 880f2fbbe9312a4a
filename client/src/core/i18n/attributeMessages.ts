/**
 * The unit attributes' labels as interface strings, `attribute.<name>`, read from the one table of a unit's
 * attributes (graph/export/unitAttributes.ts, type imports only there), so the Research and unit pages' metric
 * columns and the network view's colour and size choices name each attribute as the exports do.
 */
import { UNIT_ATTRIBUTES, type UnitAttributeName, type Words } from '../../../../graph/export/unitAttributes';

type AttributeMessages = Record<`attribute.${UnitAttributeName}`, string>;

export const attributeMessages = (lang: keyof Words): AttributeMessages =>
  Object.fromEntries(UNIT_ATTRIBUTES.map((a) => [`attribute.${a.name}`, a.label[lang]])) as AttributeMessages;
