<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AfterView</name>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="123" />
        <source>The province's appraisal of each item beside your self score. Items the province asks you to explain further come first. Press Enter or click a line to open the item.</source>
        <translation>The province's appraisal of each item beside your self score. Items the province asks you to explain further come first. Press Enter or click a line to open the item.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="126" />
        <source>Open a new version to add the explanations</source>
        <translation>Open a new version to add the explanations</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="128" />
        <location filename="../../parDesk/ui/views/after.py" line="132" />
        <source>Packages sent and receipts</source>
        <translation>Packages sent and receipts</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="129" />
        <source>No package signed yet. The receipts from the province appear here after you sign and send on the Submit tab.</source>
        <translation>No package signed yet. The receipts from the province appear here after you sign and send on the Submit tab.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="131" />
        <source>Appraisal results</source>
        <translation>Appraisal results</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="176" />
        <source>Results published by the province for %1: rank %2 of %3, score %4 (%5), rating %6</source>
        <translation>Results published by the province for %1: rank %2 of %3, score %4 (%5), rating %6</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="198" />
        <source>No appraisal results yet</source>
        <translation>No appraisal results yet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/after.py" line="200" />
        <location filename="../../parDesk/ui/views/after.py" line="203" />
        <source>%n item(s) appraised</source>
        <translation>
            <numerusform>%n item appraised</numerusform>
            <numerusform>%n items appraised</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/after.py" line="201" />
        <source>%n request(s) for a supplementary explanation</source>
        <translation>
            <numerusform>%n request for a supplementary explanation</numerusform>
            <numerusform>%n requests for a supplementary explanation</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="204" />
        <source>no request for a supplementary explanation</source>
        <translation>no request for a supplementary explanation</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="210" />
        <source>Version %1 is signed and locked. To answer the province, open a new version: your answers and evidence are carried over; add the explanations asked for, then sign and send again.</source>
        <translation>Version %1 is signed and locked. To answer the province, open a new version: your answers and evidence are carried over; add the explanations asked for, then sign and send again.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="215" />
        <source>You are working on version %1. Open each highlighted item, add the supplementary explanation and evidence, then sign and send this version on the Submit tab.</source>
        <translation>You are working on version %1. Open each highlighted item, add the supplementary explanation and evidence, then sign and send this version on the Submit tab.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="221" />
        <source>Opening a new version is not available: this part of parDesk is missing from this installation.</source>
        <translation>Opening a new version is not available: this part of parDesk is missing from this installation.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../parDesk/app.py" line="107" />
        <source>Preparing the sample workspace…</source>
        <translation>Preparing the sample workspace…</translation>
    </message>
</context>
<context>
    <name>AppraisalModel</name>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="111" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="112" />
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="113" />
        <source>Self score</source>
        <translation>Self score</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="114" />
        <source>Round 1</source>
        <translation>Round 1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="115" />
        <source>Round 2</source>
        <translation>Round 2</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="116" />
        <source>Appraiser's comment</source>
        <translation>Appraiser's comment</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="117" />
        <source>Supplementary explanation</source>
        <translation>Supplementary explanation</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="123" />
        <source>no score</source>
        <translation>no score</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="143" />
        <source>Yes — please explain</source>
        <translation>Yes — please explain</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="156" />
        <source>The province asks for a supplementary explanation</source>
        <translation>The province asks for a supplementary explanation</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="157" />
        <source>Appraised</source>
        <translation>Appraised</translation>
    </message>
</context>
<context>
    <name>DeductionEditor</name>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="339" />
        <source>Number of cases</source>
        <translation>Number of cases</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="76" />
        <source>Document details</source>
        <translation>Document details</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="79" />
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="79" />
        <source>&amp;Number (số, ký hiệu):</source>
        <translation>&amp;Number (số, ký hiệu):</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="80" />
        <source>&amp;Date (DD/MM/YYYY):</source>
        <translation>&amp;Date (DD/MM/YYYY):</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="80" />
        <source>&amp;Issuing body:</source>
        <translation>&amp;Issuing body:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="81" />
        <source>&amp;Subject (trích yếu):</source>
        <translation>&amp;Subject (trích yếu):</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="78" />
        <source>&amp;Page / section:</source>
        <translation>&amp;Page / section:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="77" />
        <source>&amp;Page / section for %1:</source>
        <translation>&amp;Page / section for %1:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="83" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="83" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="84" />
        <source>Issuing body</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="84" />
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="85" />
        <source>Page or section</source>
        <translation>Page or section</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="87" />
        <source>e.g. 15/01/2025</source>
        <translation>e.g. 15/01/2025</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="88" />
        <source>e.g. 15/KH-UBND</source>
        <translation>e.g. 15/KH-UBND</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="89" />
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="91" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="91" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="47" />
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="48" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="49" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="50" />
        <source>Issuing body</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="51" />
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="52" />
        <source>Page / section</source>
        <translation>Page / section</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="53" />
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="54" />
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="115" />
        <source>(not linked)</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="122" />
        <source>Number, date, issuing body or subject still missing</source>
        <translation>Number, date, issuing body or subject still missing</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="129" />
        <source>&amp;Add files…</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="130" />
        <source>Copy files into the workspace as evidence for this item (you can also drop files here)</source>
        <translation>Copy files into the workspace as evidence for this item (you can also drop files here)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="132" />
        <source>&amp;Link existing…</source>
        <translation>&amp;Link existing…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="133" />
        <source>Use a document already in the library, without copying it again</source>
        <translation>Use a document already in the library, without copying it again</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="134" />
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="135" />
        <source>Edit number, date, issuing body, subject and page</source>
        <translation>Edit number, date, issuing body, subject and page</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="136" />
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="137" />
        <source>Open with the system viewer</source>
        <translation>Open with the system viewer</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="138" />
        <source>&amp;Remove from item</source>
        <translation>&amp;Remove from item</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="139" />
        <source>Unlink the document from this item (it stays in the library)</source>
        <translation>Unlink the document from this item (it stays in the library)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="140" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="141" />
        <source>Evidence documents of this item</source>
        <translation>Evidence documents of this item</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="142" />
        <source>No evidence yet. Drop scanned files here, or use “Add files…”.</source>
        <translation>No evidence yet. Drop scanned files here, or use “Add files…”.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="207" />
        <source>Choose evidence files</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="208" />
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt);;All files (*)</source>
        <translation>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="220" />
        <source>Copying %n file(s)… %p%</source>
        <translation>
            <numerusform>Copying %n file… %p%</numerusform>
            <numerusform>Copying %n files… %p%</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="231" />
        <source>Attached %n document(s) to %1</source>
        <translation>
            <numerusform>Attached %n document to %1</numerusform>
            <numerusform>Attached %n documents to %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="241" />
        <source>Cancelled: nothing was attached.</source>
        <translation>Cancelled: nothing was attached.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="283" />
        <source>No program on this computer opens this kind of file.</source>
        <translation>No program on this computer opens this kind of file.</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="458" />
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="459" />
        <source>Press Finish to create the workspace.</source>
        <translation>Press Finish to create the workspace.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="460" />
        <source>Keep the data in this &amp;folder:</source>
        <translation>Keep the data in this &amp;folder:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="461" />
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="462" />
        <source>Workspace folder</source>
        <translation>Workspace folder</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="471" />
        <source>Unit: %1 (%2), %3
Framework: %4</source>
        <translation>Unit: %1 (%2), %3
Framework: %4</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="476" />
        <source>Choose a folder for the workspace</source>
        <translation>Choose a folder for the workspace</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="507" />
        <source>Set up parDesk</source>
        <translation>Set up parDesk</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="508" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="509" />
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="510" />
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="511" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="522" />
        <source>Choose a folder for the workspace.</source>
        <translation>Choose a folder for the workspace.</translation>
    </message>
</context>
<context>
    <name>FrameworkPage</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="203" />
        <source>The framework</source>
        <translation>The framework</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="204" />
        <source>The province's PAR Index framework (Bộ Chỉ số) your unit is assessed against.</source>
        <translation>The province's PAR Index framework (Bộ Chỉ số) your unit is assessed against.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="205" />
        <source>The &amp;sample framework shipped with parDesk (for learning; not an official document)</source>
        <translation>The &amp;sample framework shipped with parDesk (for learning; not an official document)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="207" />
        <source>A framework &amp;file from the province (.json, or the filled .xlsx template)</source>
        <translation>A framework &amp;file from the province (.json, or the filled .xlsx template)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="208" />
        <source>I have checked: use this framework &amp;anyway</source>
        <translation>I have checked: use this framework &amp;anyway</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="209" />
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="210" />
        <source>Framework file</source>
        <translation>Framework file</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="211" />
        <source>Path to the framework file</source>
        <translation>Path to the framework file</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="212" />
        <source>Receiving the framework from the province's server arrives with the sync feature.</source>
        <translation>Receiving the framework from the province's server arrives with the sync feature.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="232" />
        <source>Choose the framework file</source>
        <translation>Choose the framework file</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="233" />
        <source>Framework (*.json *.xlsx);;All files (*)</source>
        <translation>Framework (*.json *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="246" />
        <source>framework file</source>
        <translation>framework file</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="246" />
        <source>no file chosen</source>
        <translation>no file chosen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/wizard.py" line="272" />
        <source>%1 (%2), %n item(s), %3; deadline %4.</source>
        <translation>
            <numerusform>%1 (%2), %n item, %3; deadline %4.</numerusform>
            <numerusform>%1 (%2), %n items, %3; deadline %4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FrameworkTreeModel</name>
    <message>
        <location filename="../../parDesk/ui/models/tree.py" line="168" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/tree.py" line="169" />
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/tree.py" line="170" />
        <source>Score / max</source>
        <translation>Score / max</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/tree.py" line="216" />
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="325" />
        <source>Signing identity</source>
        <translation>Signing identity</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="326" />
        <source>The key your leader signs the submission with.</source>
        <translation>The key your leader signs the submission with.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="327" />
        <source>&amp;Generate a new key protected by a passphrase</source>
        <translation>&amp;Generate a new key protected by a passphrase</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="328" />
        <source>&amp;Import a certificate file (.p12 / .pfx) from a certification authority</source>
        <translation>&amp;Import a certificate file (.p12 / .pfx) from a certification authority</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="329" />
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="330" />
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="330" />
        <source>Passphrase again:</source>
        <translation>Passphrase again:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="331" />
        <source>Certificate file:</source>
        <translation>Certificate file:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="331" />
        <source>File password:</source>
        <translation>File password:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="335" />
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="336" />
        <source>The key is made (or imported) right after the workspace, and kept encrypted with the passphrase. You can also do this later on the Submit screen.</source>
        <translation>The key is made (or imported) right after the workspace, and kept encrypted with the passphrase. You can also do this later on the Submit screen.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="348" />
        <source>Choose the certificate file</source>
        <translation>Choose the certificate file</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="349" />
        <source>Certificates (*.p12 *.pfx);;All files (*)</source>
        <translation>Certificates (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="371" />
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="377" />
        <source>Choose the certificate file.</source>
        <translation>Choose the certificate file.</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="87" />
        <source>Welcome to parDesk</source>
        <translation>Welcome to parDesk</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="88" />
        <source>Set up your unit's self-assessment in a few steps.</source>
        <translation>Set up your unit's self-assessment in a few steps.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="89" />
        <source>parDesk keeps your PAR Index self-assessment, its evidence documents and explanations on this computer, works without internet, and shows at any time your score and where points are being lost.

You will enter your unit's details, choose the province's framework, and (later) your signing key. Nothing is saved until you press Finish.</source>
        <translation>parDesk keeps your PAR Index self-assessment, its evidence documents and explanations on this computer, works without internet, and shows at any time your score and where points are being lost.

You will enter your unit's details, choose the province's framework, and (later) your signing key. Nothing is saved until you press Finish.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="94" />
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="95" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>LeafPanel</name>
    <message>
        <source>How it is scored</source>
        <translation type="vanished">How it is scored</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation type="vanished">Self-assessment</translation>
    </message>
    <message>
        <source>Explanation (giải trình)</source>
        <translation type="vanished">Explanation (giải trình)</translation>
    </message>
    <message>
        <source>Evidence documents (tài liệu kiểm chứng)</source>
        <translation type="vanished">Evidence documents (tài liệu kiểm chứng)</translation>
    </message>
    <message>
        <source>Appraisal by the province</source>
        <translation type="vanished">Appraisal by the province</translation>
    </message>
    <message>
        <source>&amp;Not applicable to our unit</source>
        <translation type="vanished">&amp;Not applicable to our unit</translation>
    </message>
    <message>
        <source>The item's points leave the unit's maximum; explain why below.</source>
        <translation type="vanished">The item's points leave the unit's maximum; explain why below.</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation type="vanished">Score:</translation>
    </message>
    <message>
        <source>C&amp;lear answer</source>
        <translation type="vanished">C&amp;lear answer</translation>
    </message>
    <message>
        <source>Remove the inputs of this item (can be undone)</source>
        <translation type="vanished">Remove the inputs of this item (can be undone)</translation>
    </message>
    <message>
        <source>How the score was reached, where the evidence is, or why it is missing. Saved automatically.</source>
        <translation type="vanished">How the score was reached, where the evidence is, or why it is missing. Saved automatically.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="vanished">Explanation</translation>
    </message>
    <message>
        <source>Choose an item in the tree on the left.</source>
        <translation type="vanished">Choose an item in the tree on the left.</translation>
    </message>
    <message>
        <source>Selected item</source>
        <translation type="vanished">Selected item</translation>
    </message>
    <message>
        <source>Maximum: %1</source>
        <translation type="vanished">Maximum: %1</translation>
    </message>
    <message>
        <source>Guidance: %1</source>
        <translation type="vanished">Guidance: %1</translation>
    </message>
    <message>
        <source>Expected evidence:</source>
        <translation type="vanished">Expected evidence:</translation>
    </message>
    <message>
        <source>the bonus block counts at most %1 in all</source>
        <translation type="vanished">the bonus block counts at most %1 in all</translation>
    </message>
    <message>
        <source>the penalty block takes off at most %1 in all</source>
        <translation type="vanished">the penalty block takes off at most %1 in all</translation>
    </message>
    <message>
        <source>Version %1 is signed and locked: it can be viewed only. To change anything, open version %2.</source>
        <translation type="vanished">Version %1 is signed and locked: it can be viewed only. To change anything, open version %2.</translation>
    </message>
    <message>
        <source>Open version %1</source>
        <translation type="vanished">Open version %1</translation>
    </message>
    <message>
        <source>Points taken off:</source>
        <translation type="vanished">Points taken off:</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation type="vanished">N/A</translation>
    </message>
    <message>
        <source>Not applicable: its %1 leave the unit's maximum (now %2).</source>
        <translation type="vanished">Not applicable: its %1 leave the unit's maximum (now %2).</translation>
    </message>
    <message>
        <source>Before submitting: %1</source>
        <translation type="vanished">Before submitting: %1</translation>
    </message>
    <message>
        <source>Round %1: %2</source>
        <translation type="vanished">Round %1: %2</translation>
    </message>
    <message>
        <source>no score yet</source>
        <translation type="vanished">no score yet</translation>
    </message>
    <message>
        <source>supplementary explanation requested</source>
        <translation type="vanished">supplementary explanation requested</translation>
    </message>
    <message>
        <source>The province asks for a supplementary explanation of this item. Answer it in the explanation and add evidence, then submit a new version.</source>
        <translation type="vanished">The province asks for a supplementary explanation of this item. Answer it in the explanation and add evidence, then submit a new version.</translation>
    </message>
    <message>
        <source>Signed version: view only</source>
        <translation type="vanished">Signed version: view only</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="vanished">Saving…</translation>
    </message>
    <message>
        <source>Saved automatically</source>
        <translation type="vanished">Saved automatically</translation>
    </message>
</context>
<context>
    <name>LeafView</name>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="196" />
        <source>How it is scored</source>
        <translation>How it is scored</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="197" />
        <source>Self-assessment</source>
        <translation>Self-assessment</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="198" />
        <source>Explanation (giải trình)</source>
        <translation>Explanation (giải trình)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="199" />
        <source>Evidence documents (tài liệu kiểm chứng)</source>
        <translation>Evidence documents (tài liệu kiểm chứng)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="200" />
        <source>Appraisal by the province</source>
        <translation>Appraisal by the province</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="201" />
        <source>&amp;Not applicable to our unit</source>
        <translation>&amp;Not applicable to our unit</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="202" />
        <source>The item's points leave the unit's maximum; explain why below.</source>
        <translation>The item's points leave the unit's maximum; explain why below.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="203" />
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="291" />
        <source>Score:</source>
        <translation>Score:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="204" />
        <source>C&amp;lear answer</source>
        <translation>C&amp;lear answer</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="205" />
        <source>Remove the inputs of this item (can be undone)</source>
        <translation>Remove the inputs of this item (can be undone)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="206" />
        <source>How the score was reached, where the evidence is, or why it is missing. Saved automatically.</source>
        <translation>How the score was reached, where the evidence is, or why it is missing. Saved automatically.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="208" />
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="209" />
        <source>Choose an item in the tree on the left.</source>
        <translation>Choose an item in the tree on the left.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="210" />
        <source>Selected item</source>
        <translation>Selected item</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="242" />
        <source>Maximum: %1</source>
        <translation>Maximum: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="247" />
        <source>Guidance: %1</source>
        <translation>Guidance: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="250" />
        <source>Expected evidence:</source>
        <translation>Expected evidence:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="261" />
        <source>the bonus block counts at most %1 in all</source>
        <translation>the bonus block counts at most %1 in all</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="263" />
        <source>the penalty block takes off at most %1 in all</source>
        <translation>the penalty block takes off at most %1 in all</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="276" />
        <source>Version %1 is signed and locked: it can be viewed only. To change anything, open version %2.</source>
        <translation>Version %1 is signed and locked: it can be viewed only. To change anything, open version %2.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="279" />
        <source>Open version %1</source>
        <translation>Open version %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="291" />
        <source>Points taken off:</source>
        <translation>Points taken off:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="293" />
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="294" />
        <source>Not applicable: its %1 leave the unit's maximum (now %2).</source>
        <translation>Not applicable: its %1 leave the unit's maximum (now %2).</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="310" />
        <source>Before submitting: %1</source>
        <translation>Before submitting: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="325" />
        <source>Round %1: %2</source>
        <translation>Round %1: %2</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="326" />
        <source>no score yet</source>
        <translation>no score yet</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="330" />
        <source>supplementary explanation requested</source>
        <translation>supplementary explanation requested</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="334" />
        <source>The province asks for a supplementary explanation of this item. Answer it in the explanation and add evidence, then submit a new version.</source>
        <translation>The province asks for a supplementary explanation of this item. Answer it in the explanation and add evidence, then submit a new version.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="344" />
        <source>Signed version: view only</source>
        <translation>Signed version: view only</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="346" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="346" />
        <source>Saved automatically</source>
        <translation>Saved automatically</translation>
    </message>
</context>
<context>
    <name>LevelEditor</name>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="239" />
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="248" />
        <source>— choose a level —</source>
        <translation>— choose a level —</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="127" />
        <source>All documents</source>
        <translation>All documents</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="127" />
        <source>Not linked to any item</source>
        <translation>Not linked to any item</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="128" />
        <source>Missing details</source>
        <translation>Missing details</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="128" />
        <source>By item:</source>
        <translation>By item:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="131" />
        <source>&amp;Show:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="132" />
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="133" />
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="134" />
        <source>Search name, number, issuing body, subject (with or without diacritics)</source>
        <translation>Search name, number, issuing body, subject (with or without diacritics)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="136" />
        <source>Search documents</source>
        <translation>Search documents</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="137" />
        <source>In the documents' text:</source>
        <translation>In the documents' text:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="138" />
        <source>Pages that contain the search words</source>
        <translation>Pages that contain the search words</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="139" />
        <source>Evidence library</source>
        <translation>Evidence library</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="140" />
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="141" />
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="142" />
        <source>&amp;Go to item</source>
        <translation>&amp;Go to item</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="203" />
        <source>%1 — page %2: %3</source>
        <translation>%1 — page %2: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/library.py" line="225" />
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="56" />
        <source>Link an existing document</source>
        <translation>Link an existing document</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="57" />
        <source>Choose documents already in the library to use as evidence for item %1 as well. The file is not copied again.</source>
        <translation>Choose documents already in the library to use as evidence for item %1 as well. The file is not copied again.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="59" />
        <source>Search by name, number, issuing body or subject</source>
        <translation>Search by name, number, issuing body or subject</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="60" />
        <source>Search documents</source>
        <translation>Search documents</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="61" />
        <source>Documents in the library</source>
        <translation>Documents in the library</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="62" />
        <source>&amp;Link</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="63" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LosingModel</name>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="54" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="55" />
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="56" />
        <source>Score / max</source>
        <translation>Score / max</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="57" />
        <source>Points lost</source>
        <translation>Points lost</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="58" />
        <source>Still missing</source>
        <translation>Still missing</translation>
    </message>
</context>
<context>
    <name>LosingView</name>
    <message>
        <location filename="../../parDesk/ui/views/losing.py" line="68" />
        <source>Every item scored below its maximum, the largest loss first. Press Enter or click a line to open the item.</source>
        <translation>Every item scored below its maximum, the largest loss first. Press Enter or click a line to open the item.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/losing.py" line="70" />
        <source>Where we lose points</source>
        <translation>Where we lose points</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/losing.py" line="93" />
        <source>No points are being lost.</source>
        <translation>No points are being lost.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/losing.py" line="96" />
        <source>%1 at stake in %n item(s)</source>
        <translation>
            <numerusform>%1 at stake in %n item</numerusform>
            <numerusform>%1 at stake in %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="188" />
        <source>parDesk — PAR Index self-assessment</source>
        <translation>parDesk — PAR Index self-assessment</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="189" />
        <source>You are looking at SAMPLE data to learn parDesk. When you are ready, set up your own unit: the sample stays separate.</source>
        <translation>You are looking at SAMPLE data to learn parDesk. When you are ready, set up your own unit: the sample stays separate.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="191" />
        <source>Set up my unit…</source>
        <translation>Set up my unit…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="192" />
        <source>&amp;Assessment</source>
        <translation>&amp;Assessment</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="192" />
        <source>Evidence &amp;library</source>
        <translation>Evidence &amp;library</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="192" />
        <source>Where we &amp;lose points</source>
        <translation>Where we &amp;lose points</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="193" />
        <source>&amp;Submit</source>
        <translation>&amp;Submit</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="193" />
        <source>After su&amp;bmission</source>
        <translation>After su&amp;bmission</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="196" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="197" />
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="198" />
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="199" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="200" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="201" />
        <source>Set up a &amp;new unit…</source>
        <translation>Set up a &amp;new unit…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="202" />
        <source>&amp;Open a workspace folder…</source>
        <translation>&amp;Open a workspace folder…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="203" />
        <source>&amp;Print the forms…</source>
        <translation>&amp;Print the forms…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="204" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="270" />
        <source>&amp;Undo: %1</source>
        <translation>&amp;Undo: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="271" />
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="272" />
        <source>&amp;Redo: %1</source>
        <translation>&amp;Redo: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="273" />
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="206" />
        <source>&amp;Add evidence files…</source>
        <translation>&amp;Add evidence files…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="207" />
        <source>&amp;Link an existing document…</source>
        <translation>&amp;Link an existing document…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="208" />
        <source>&amp;Search items</source>
        <translation>&amp;Search items</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="209" />
        <source>&amp;Next item</source>
        <translation>&amp;Next item</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="210" />
        <source>&amp;Previous item</source>
        <translation>&amp;Previous item</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="211" />
        <source>Go to the &amp;answer</source>
        <translation>Go to the &amp;answer</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="212" />
        <source>Go to the &amp;explanation</source>
        <translation>Go to the &amp;explanation</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="215" />
        <source>&amp;About parDesk</source>
        <translation>&amp;About parDesk</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="216" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="289" />
        <source>A new version is open for editing.</source>
        <translation>A new version is open for editing.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="319" />
        <source>Open a parDesk workspace folder</source>
        <translation>Open a parDesk workspace folder</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="324" />
        <source>parDesk</source>
        <translation>parDesk</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="327" />
        <source>About parDesk</source>
        <translation>About parDesk</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="328" />
        <source>parDesk %1 — offline self-assessment of the PAR Index for communes.
Workspace: %2</source>
        <translation>parDesk %1 — offline self-assessment of the PAR Index for communes.
Workspace: %2</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="335" />
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>ManualEditor</name>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="324" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="324" />
        <source>Points taken off</source>
        <translation>Points taken off</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="325" />
        <source>e.g. %1</source>
        <translation>e.g. %1</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="82" />
        <source>Sign the submission</source>
        <translation>Sign the submission</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="82" />
        <source>Create the signing key</source>
        <translation>Create the signing key</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="83" />
        <source>Import a certificate file</source>
        <translation>Import a certificate file</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="85" />
        <source>The leader's passphrase unlocks the key. The assessment is then frozen, signed and locked; changes after this go into a new version.</source>
        <translation>The leader's passphrase unlocks the key. The assessment is then frozen, signed and locked; changes after this go into a new version.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="87" />
        <source>A new key is made on this computer and kept encrypted with this passphrase. Choose at least 8 characters and keep it safe: without it the key cannot sign.</source>
        <translation>A new key is made on this computer and kept encrypted with this passphrase. Choose at least 8 characters and keep it safe: without it the key cannot sign.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="89" />
        <source>Import the .p12 / .pfx file from your certification authority. Its key is kept encrypted on this computer with the passphrase you choose here.</source>
        <translation>Import the .p12 / .pfx file from your certification authority. Its key is kept encrypted on this computer with the passphrase you choose here.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="94" />
        <source>Certificate &amp;file:</source>
        <translation>Certificate &amp;file:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="95" />
        <source>File pass&amp;word:</source>
        <translation>File pass&amp;word:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="96" />
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="97" />
        <source>Passphrase &amp;again:</source>
        <translation>Passphrase &amp;again:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="98" />
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="101" />
        <source>&amp;Sign</source>
        <translation>&amp;Sign</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="101" />
        <source>&amp;Create</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="101" />
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="103" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="111" />
        <source>Choose the certificate file</source>
        <translation>Choose the certificate file</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="112" />
        <source>Certificates (*.p12 *.pfx);;All files (*)</source>
        <translation>Certificates (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="118" />
        <source>Enter the passphrase.</source>
        <translation>Enter the passphrase.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="121" />
        <source>The passphrase is too short: use at least %n character(s).</source>
        <translation>
            <numerusform>The passphrase is too short: use at least %n character.</numerusform>
            <numerusform>The passphrase is too short: use at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="125" />
        <source>The two passphrases differ: type the same passphrase twice.</source>
        <translation>The two passphrases differ: type the same passphrase twice.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="128" />
        <source>Choose the certificate file (.p12 or .pfx).</source>
        <translation>Choose the certificate file (.p12 or .pfx).</translation>
    </message>
</context>
<context>
    <name>PdfPageDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/pdf_viewer.py" line="35" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="126" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="127" />
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="128" />
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>ProposalPanel</name>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="127" />
        <source>Proposed from the document — please check</source>
        <translation>Proposed from the document — please check</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="128" />
        <source>Accept all (Ctrl+Enter)</source>
        <translation>Accept all (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="129" />
        <source>Fill the empty details of these documents with the values shown; what you typed yourself is kept</source>
        <translation>Fill the empty details of these documents with the values shown; what you typed yourself is kept</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="131" />
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="132" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="133" />
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="133" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="133" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="134" />
        <source>Issuing body</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="134" />
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="134" />
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="135" />
        <source>Proposed document details</source>
        <translation>Proposed document details</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/widgets/proposals.py" line="152" />
        <source>Reading %n document(s)…</source>
        <translation>
            <numerusform>Reading %n document…</numerusform>
            <numerusform>Reading %n documents…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="172" />
        <source>Reading cancelled; nothing was changed.</source>
        <translation>Reading cancelled; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="211" />
        <source>Certificate: %1</source>
        <translation>Certificate: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="231" />
        <source>Typed by you; kept</source>
        <translation>Typed by you; kept</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="254" />
        <source>Check each value against the document, edit what is wrong, then accept.</source>
        <translation>Check each value against the document, edit what is wrong, then accept.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="265" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/widgets/proposals.py" line="292" />
        <source>Details filled from %n document(s).</source>
        <translation>
            <numerusform>Details filled from %n document.</numerusform>
            <numerusform>Details filled from %n documents.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProvinceNote</name>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="361" />
        <source>The province fills in this item's points; there is nothing to enter here.</source>
        <translation>The province fills in this item's points; there is nothing to enter here.</translation>
    </message>
</context>
<context>
    <name>RatioEditor</name>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="194" />
        <source>Number meeting the requirement</source>
        <translation>Number meeting the requirement</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="195" />
        <source>Total number</source>
        <translation>Total number</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="206" />
        <source>Enter both numbers to compute the score.</source>
        <translation>Enter both numbers to compute the score.</translation>
    </message>
</context>
<context>
    <name>ReceiptModel</name>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="257" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="258" />
        <source>Package</source>
        <translation>Package</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="259" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="264" />
        <source>not queued for sending (carry it on USB)</source>
        <translation>not queued for sending (carry it on USB)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="266" />
        <source>waiting to be sent</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="268" />
        <source>uploading %1 %</source>
        <translation>uploading %1 %</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="270" />
        <source>the province is verifying</source>
        <translation>the province is verifying</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="273" />
        <source>accepted — receipt of %1</source>
        <translation>accepted — receipt of %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="275" />
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="278" />
        <source>refused: %1</source>
        <translation>refused: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="280" />
        <source>stopped: %1</source>
        <translation>stopped: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="298" />
        <source>Receipt number %1</source>
        <translation>Receipt number %1</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="107" />
        <source>Register with the province's server</source>
        <translation>Register with the province's server</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="108" />
        <source>Registering lets parDesk send the signed packages over the network and bring back receipts and appraisal results. Type the server address and the server key fingerprint exactly as the province published them; the leader's passphrase signs the request once. The province then approves the registration.</source>
        <translation>Registering lets parDesk send the signed packages over the network and bring back receipts and appraisal results. Type the server address and the server key fingerprint exactly as the province published them; the leader's passphrase signs the request once. The province then approves the registration.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="112" />
        <source>Server &amp;address:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="113" />
        <source>Server key &amp;fingerprint:</source>
        <translation>Server key &amp;fingerprint:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="114" />
        <source>&amp;Contact (phone or e-mail):</source>
        <translation>&amp;Contact (phone or e-mail):</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="115" />
        <source>Signing &amp;passphrase:</source>
        <translation>Signing &amp;passphrase:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="116" />
        <source>64 letters and digits, from the province's letter</source>
        <translation>64 letters and digits, from the province's letter</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="119" />
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="120" />
        <source>Check the &amp;status</source>
        <translation>Check the &amp;status</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="121" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="154" />
        <source>Not registered yet</source>
        <translation>Not registered yet</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="155" />
        <source>Until then, packages can travel to the province on a USB stick.</source>
        <translation>Until then, packages can travel to the province on a USB stick.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="157" />
        <source>Registered: the province approved this unit</source>
        <translation>Registered: the province approved this unit</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="158" />
        <source>Packages are sent from the Submit tab.</source>
        <translation>Packages are sent from the Submit tab.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="160" />
        <source>Registration sent: waiting for the province's approval</source>
        <translation>Registration sent: waiting for the province's approval</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="161" />
        <source>Request number %1. Ask the province to approve it, then press “Check the status”.</source>
        <translation>Request number %1. Ask the province to approve it, then press “Check the status”.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="164" />
        <source>Registration: %1</source>
        <translation>Registration: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="167" />
        <source>Server key: %1…</source>
        <translation>Server key: %1…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="176" />
        <source>The server could not be reached: %1. Check the address and the network, then press “Register” again.</source>
        <translation>The server could not be reached: %1. Check the address and the network, then press “Register” again.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="194" />
        <source>Type the server address the province gave you.</source>
        <translation>Type the server address the province gave you.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="197" />
        <source>The server address must start with https:// (for example https://cchc.tinh.gov.vn).</source>
        <translation>The server address must start with https:// (for example https://cchc.tinh.gov.vn).</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="201" />
        <source>The fingerprint is 64 letters (a–f) and digits; check it against the province's letter.</source>
        <translation>The fingerprint is 64 letters (a–f) and digits; check it against the province's letter.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="204" />
        <source>Enter the signing key's passphrase.</source>
        <translation>Enter the signing key's passphrase.</translation>
    </message>
</context>
<context>
    <name>RuleText</name>
    <message>
        <location filename="../../parDesk/ui/text.py" line="59" />
        <source>%1 point</source>
        <translation>%1 point</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="60" />
        <source>%1 points</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="70" />
        <source>No deadline in the framework</source>
        <translation>No deadline in the framework</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="77" />
        <source>%n day(s) left</source>
        <translation>%n day(s) left</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="79" />
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="80" />
        <source>%n day(s) overdue</source>
        <translation>%n day(s) overdue</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="98" />
        <source>Percentage = %1 / %2.</source>
        <translation>Percentage = %1 / %2.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="91" />
        <source>numerator</source>
        <translation>numerator</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="89" />
        <source>Done as required: %1; otherwise %2.</source>
        <translation>Done as required: %1; otherwise %2.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="92" />
        <source>denominator</source>
        <translation>denominator</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="94" />
        <source>From %1% up: %2</source>
        <translation>From %1% up: %2</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="96" />
        <source>below that: %1</source>
        <translation>below that: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="102" />
        <source>Points = %1 × %2 / %3.</source>
        <translation>Points = %1 × %2 / %3.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="108" />
        <source>Rounded to %n decimal place(s).</source>
        <translation>Rounded to %n decimal place(s).</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="113" />
        <source>Choose one level: %1.</source>
        <translation>Choose one level: %1.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="115" />
        <source>Score it yourself from 0 to %1, in steps of %2.</source>
        <translation>Score it yourself from 0 to %1, in steps of %2.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="118" />
        <source>violations</source>
        <translation>violations</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="119" />
        <source>Start from %1; take off %2 for each case (%3); never below %4.</source>
        <translation>Start from %1; take off %2 for each case (%3); never below %4.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="123" />
        <source>Scored by the province (sociological survey or its own data); the commune does not score it.</source>
        <translation>Scored by the province (sociological survey or its own data); the commune does not score it.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="130" />
        <source>When the total is 0: %1.</source>
        <translation>When the total is 0: %1.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="134" />
        <source>no score</source>
        <translation>no score</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="134" />
        <source>no evidence</source>
        <translation>no evidence</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="135" />
        <source>no explanation</source>
        <translation>no explanation</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="141" />
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="142" />
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="143" />
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="144" />
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="145" />
        <source>Not applicable</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="146" />
        <source>Scored by the province</source>
        <translation>Scored by the province</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="147" />
        <source>Appraised</source>
        <translation>Appraised</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="148" />
        <source>Explanation requested</source>
        <translation>Explanation requested</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="409" />
        <source>The province's server (optional)</source>
        <translation>The province's server (optional)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="410" />
        <source>Where submissions are sent. Leave it empty if you do not know it yet.</source>
        <translation>Where submissions are sent. Leave it empty if you do not know it yet.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="411" />
        <source>Server &amp;address:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="413" />
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="414" />
        <source>You can also carry the package to the province on a USB stick.</source>
        <translation>You can also carry the package to the province on a USB stick.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="426" />
        <source>Enter an address like https://cchc.example.gov.vn, or leave it empty.</source>
        <translation>Enter an address like https://cchc.example.gov.vn, or leave it empty.</translation>
    </message>
</context>
<context>
    <name>SignatureImagesDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="35" />
        <source>Signature and seal images</source>
        <translation>Signature and seal images</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="38" />
        <source>The signed letter shows the leader's signature (blue, on a transparent PNG) between the title and the name, and the seal (red PNG) at its real size over the left third of the signature, as Decree 30/2020 describes. Choose them once.</source>
        <translation>The signed letter shows the leader's signature (blue, on a transparent PNG) between the title and the name, and the seal (red PNG) at its real size over the left third of the signature, as Decree 30/2020 describes. Choose them once.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="50" />
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="51" />
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="66" />
        <source>Leader's signature</source>
        <translation>Leader's signature</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="67" />
        <source>Seal</source>
        <translation>Seal</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="68" />
        <source>Seal diameter</source>
        <translation>Seal diameter</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="96" />
        <source>Choose an image</source>
        <translation>Choose an image</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="96" />
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="59" />
        <source>Sending %1%</source>
        <translation>Sending %1%</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="61" />
        <source>Offline: not registered with the province's server</source>
        <translation>Offline: not registered with the province's server</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="63" />
        <source>%n package(s) waiting to be sent</source>
        <translation>
            <numerusform>%n package waiting to be sent</numerusform>
            <numerusform>%n packages waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="64" />
        <source>Nothing waiting to be sent</source>
        <translation>Nothing waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="67" />
        <source>Packages are sent from the Submit screen; they can also travel on a USB stick.</source>
        <translation>Packages are sent from the Submit screen; they can also travel on a USB stick.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="71" />
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="72" />
        <source>Last sync: never</source>
        <translation>Last sync: never</translation>
    </message>
</context>
<context>
    <name>SubmitView</name>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="200" />
        <source>Sign, package and send</source>
        <translation>Sign, package and send</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="213" />
        <source>Sign and build the package…</source>
        <translation>Sign and build the package…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="214" />
        <source>Send to the province</source>
        <translation>Send to the province</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="216" />
        <source>Save a copy for USB…</source>
        <translation>Save a copy for USB…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="219" />
        <source>Export to Excel (XLSX)…</source>
        <translation>Export to Excel (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="199" />
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="201" />
        <source>&amp;Create a key…</source>
        <translation>&amp;Create a key…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="202" />
        <source>&amp;Import a .p12 file…</source>
        <translation>&amp;Import a .p12 file…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="203" />
        <source>Sign with the USB &amp;token…</source>
        <translation>Sign with the USB &amp;token…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="204" />
        <source>Signature and seal images…</source>
        <translation>Signature and seal images…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="206" />
        <source>The leader's certificate from the CA (VNPT-CA, Viettel-CA, Ban Cơ yếu…) on a USB token; the key never leaves the token.</source>
        <translation>The leader's certificate from the CA (VNPT-CA, Viettel-CA, Ban Cơ yếu…) on a USB token; the key never leaves the token.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="208" />
        <source>A certificate the CA issued as a .p12/.pfx file, protected by its password.</source>
        <translation>A certificate the CA issued as a .p12/.pfx file, protected by its password.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="209" />
        <source>A key made by parDesk, for a commune without a token; the province registers it.</source>
        <translation>A key made by parDesk, for a commune without a token; the province registers it.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="211" />
        <source>The leader's signature and the seal shown on the signed letter.</source>
        <translation>The leader's signature and the seal shown on the signed letter.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="215" />
        <source>Register with the province's server…</source>
        <translation>Register with the province's server…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="217" />
        <source>&amp;Print the forms…</source>
        <translation>&amp;Print the forms…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="218" />
        <source>Save the forms as PDF…</source>
        <translation>Save the forms as PDF…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="220" />
        <source>Import answers from Excel…</source>
        <translation>Import answers from Excel…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="221" />
        <source>Open a new version</source>
        <translation>Open a new version</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="222" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="223" />
        <source>Blocking problems</source>
        <translation>Blocking problems</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="253" />
        <source>Documents the province may send back:</source>
        <translation>Documents the province may send back:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="272" />
        <source>Not ready to submit: %n blocking problem(s)</source>
        <translation>
            <numerusform>Not ready to submit: %n blocking problem</numerusform>
            <numerusform>Not ready to submit: %n blocking problems</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="273" />
        <source>Click a problem (or press Enter) to open its item. Self-score: %1, %2.</source>
        <translation>Click a problem (or press Enter) to open its item. Self-score: %1, %2.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="277" />
        <source>Ready to submit: no blocking problems</source>
        <translation>Ready to submit: no blocking problems</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="278" />
        <source>Every item is scored and has evidence or an explanation. Self-score: %1, %2.</source>
        <translation>Every item is scored and has evidence or an explanation. Self-score: %1, %2.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="282" />
        <source>Version %1 is signed and locked: it can be viewed only</source>
        <translation>Version %1 is signed and locked: it can be viewed only</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="284" />
        <source>To change anything, open version %1.</source>
        <translation>To change anything, open version %1.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="288" />
        <source>signed and locked</source>
        <translation>signed and locked</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="288" />
        <source>draft, not yet signed</source>
        <translation>draft, not yet signed</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="289" />
        <source>Assessment %1, version %2: %3</source>
        <translation>Assessment %1, version %2: %3</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="302" />
        <source>Not available: this part of parDesk is missing from this installation.</source>
        <translation>Not available: this part of parDesk is missing from this installation.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="304" />
        <source>A key exists already.</source>
        <translation>A key exists already.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="307" />
        <location filename="../../parDesk/ui/views/submit.py" line="310" />
        <source>Signed already.</source>
        <translation>Signed already.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="310" />
        <location filename="../../parDesk/ui/views/submit.py" line="316" />
        <source>Create or import the signing key first.</source>
        <translation>Create or import the signing key first.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="311" />
        <source>Solve the blocking problems above first.</source>
        <translation>Solve the blocking problems above first.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="313" />
        <source>Nothing waits to be sent.</source>
        <translation>Nothing waits to be sent.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="314" />
        <source>Register with the province's server first: press “Register with the province's server…”.</source>
        <translation>Register with the province's server first: press “Register with the province's server…”.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="317" />
        <source>Sign and build the package first.</source>
        <translation>Sign and build the package first.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="319" />
        <source>Printing needs QtPdf, which is missing from this installation: save the forms as PDF and print them from your PDF reader.</source>
        <translation>Printing needs QtPdf, which is missing from this installation: save the forms as PDF and print them from your PDF reader.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="324" />
        <source>The assessment is signed and locked: open a new version first.</source>
        <translation>The assessment is signed and locked: open a new version first.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="326" />
        <source>Only a signed assessment needs a new version.</source>
        <translation>Only a signed assessment needs a new version.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="334" />
        <source>Subject: %1
Issuer: %2
Fingerprint (SHA-256): %3</source>
        <translation>Subject: %1
Issuer: %2
Fingerprint (SHA-256): %3</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="339" />
        <source>No signing key yet. Create one (a certificate request is made for the province) or import the .p12 file from your CA.</source>
        <translation>No signing key yet. Create one (a certificate request is made for the province) or import the .p12 file from your CA.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="345" />
        <source>Package version %1 (%2): %3</source>
        <translation>Package version %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="348" />
        <source>Not registered with the province's server yet: carry the package on USB, or press “Register with the province's server…”.</source>
        <translation>Not registered with the province's server yet: carry the package on USB, or press “Register with the province's server…”.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="357" />
        <source>%1 (code %2)</source>
        <translation>%1 (code %2)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="359" />
        <source>issued by the unit itself, until the province's certificate arrives</source>
        <translation>issued by the unit itself, until the province's certificate arrives</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="361" />
        <source>issued by %1</source>
        <translation>issued by %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="363" />
        <source>expired on %1</source>
        <translation>expired on %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="366" />
        <source>valid from %1 to %2 (%n day(s) left)</source>
        <translation>
            <numerusform>valid from %1 to %2 (%n day left)</numerusform>
            <numerusform>valid from %1 to %2 (%n days left)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="368" />
        <source>Signing certificate of %1
%2; %3</source>
        <translation>Signing certificate of %1
%2; %3</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="562" />
        <location filename="../../parDesk/ui/views/submit.py" line="576" />
        <source>Import answers from Excel</source>
        <translation>Import answers from Excel</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="579" />
        <source>Nothing was imported: %n cell(s) need fixing in the spreadsheet.</source>
        <translation>
            <numerusform>Nothing was imported: %n cell need fixing in the spreadsheet.</numerusform>
            <numerusform>Nothing was imported: %n cells need fixing in the spreadsheet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="588" />
        <source>The spreadsheet changes nothing.</source>
        <translation>The spreadsheet changes nothing.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="592" />
        <source>%n item(s) will change:</source>
        <translation>
            <numerusform>%n item will change:</numerusform>
            <numerusform>%n items will change:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="599" />
        <source>Imported %n item(s) from the spreadsheet.</source>
        <translation>
            <numerusform>Imported %n item from the spreadsheet.</numerusform>
            <numerusform>Imported %n items from the spreadsheet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="398" />
        <source>Cancelled; nothing was changed.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="431" />
        <source>Key created: %1</source>
        <translation>Key created: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="440" />
        <source>Certificate imported: %1</source>
        <translation>Certificate imported: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="460" />
        <source>Signed on the token and packaged: %1 (%2). The assessment is locked.</source>
        <translation>Signed on the token and packaged: %1 (%2). The assessment is locked.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="475" />
        <source>Signature and seal images saved; the next signed forms show them.</source>
        <translation>Signature and seal images saved; the next signed forms show them.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="484" />
        <source>Signed and packaged: %1 (%2). The assessment is locked.</source>
        <translation>Signed and packaged: %1 (%2). The assessment is locked.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="496" />
        <source>Choose the USB stick or folder</source>
        <translation>Choose the USB stick or folder</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="505" />
        <source>Copied to %1</source>
        <translation>Copied to %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="510" />
        <source>Sent: %n package(s) accepted.</source>
        <translation>
            <numerusform>Sent: %n package accepted.</numerusform>
            <numerusform>Sent: %n packages accepted.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="515" />
        <source>Choose a folder for the PDF forms</source>
        <translation>Choose a folder for the PDF forms</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="525" />
        <source>Forms saved: %1</source>
        <translation>Forms saved: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="534" />
        <source>PAR Index forms</source>
        <translation>PAR Index forms</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="536" />
        <source>Print the forms</source>
        <translation>Print the forms</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="547" />
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="552" />
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="552" />
        <location filename="../../parDesk/ui/views/submit.py" line="563" />
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="559" />
        <source>Exported: %1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="42" />
        <source>Sign with the USB token</source>
        <extracomment>how the dialog reads tokens: (module path, on_done(list[TokenInfo]), on_error(exc)) — the slow pool</extracomment>
        <translation>Sign with the USB token</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="46" />
        <source>Plug in the leader's USB token. Pick the token's program file once (the certificate provider installed it); parDesk also looks in the usual places.</source>
        <translation>Plug in the leader's USB token. Pick the token's program file once (the certificate provider installed it); parDesk also looks in the usual places.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="50" />
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="52" />
        <source>Find tokens</source>
        <translation>Find tokens</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="59" />
        <source>Token / certificate owner</source>
        <translation>Token / certificate owner</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="59" />
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="59" />
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="60" />
        <source>Signs</source>
        <translation>Signs</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="70" />
        <source>Token program (PKCS#11)</source>
        <translation>Token program (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="71" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="73" />
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="89" />
        <source>Token program</source>
        <translation>Token program</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="90" />
        <source>PKCS#11 module (*.dll *.so *.so.* *.dylib);;All files (*)</source>
        <translation>PKCS#11 module (*.dll *.so *.so.* *.dylib);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="117" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="117" />
        <source>no key</source>
        <translation>no key</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="128" />
        <source>No token found behind this program. Plug the token in and press Find.</source>
        <translation>No token found behind this program. Plug the token in and press Find.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="157" />
        <source>This token asks for its PIN in its own window: answer it there.</source>
        <translation>This token asks for its PIN in its own window: answer it there.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="158" />
        <source>The PIN is used once for this signature; parDesk never keeps it. Each wrong PIN counts towards locking the token.</source>
        <translation>The PIN is used once for this signature; parDesk never keeps it. Each wrong PIN counts towards locking the token.</translation>
    </message>
</context>
<context>
    <name>TotalsBar</name>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="85" />
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="92" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="85" />
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="96" />
        <source>Percentage</source>
        <translation>Percentage</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="86" />
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="98" />
        <source>Rating</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="86" />
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="100" />
        <source>Scored</source>
        <translation>Scored</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="91" />
        <source>Total (scale %1)</source>
        <translation>Total (scale %1)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="94" />
        <source>Points so far out of the unit's own maximum (framework scale %1)</source>
        <translation>Points so far out of the unit's own maximum (framework scale %1)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="99" />
        <source>No rating until something is scored</source>
        <translation>No rating until something is scored</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="101" />
        <source>Items with a self-score, of the items the unit must score</source>
        <translation>Items with a self-score, of the items the unit must score</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="103" />
        <source>Deadline %1</source>
        <translation>Deadline %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="104" />
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
</context>
<context>
    <name>TreePane</name>
    <message>
        <location filename="../../parDesk/ui/widgets/tree_pane.py" line="77" />
        <source>Search codes or words (Ctrl+F)</source>
        <translation>Search codes or words (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tree_pane.py" line="78" />
        <source>Search the framework</source>
        <translation>Search the framework</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tree_pane.py" line="79" />
        <source>Framework items</source>
        <translation>Framework items</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tree_pane.py" line="80" />
        <source>No item matches the search.</source>
        <translation>No item matches the search.</translation>
    </message>
</context>
<context>
    <name>TsaField</name>
    <message>
        <location filename="../../parDesk/ui/widgets/tsa_field.py" line="63" />
        <source>&amp;Timestamp server (TSA):</source>
        <translation>&amp;Timestamp server (TSA):</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tsa_field.py" line="64" />
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tsa_field.py" line="67" />
        <source>The province's RFC 3161 server: the signed forms then carry its timestamp (PAdES B-T). Empty: signed without a timestamp (PAdES B-B).</source>
        <translation>The province's RFC 3161 server: the signed forms then carry its timestamp (PAdES B-T). Empty: signed without a timestamp (PAdES B-B).</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tsa_field.py" line="71" />
        <source>Timestamp server (TSA)</source>
        <translation>Timestamp server (TSA)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tsa_field.py" line="72" />
        <source>Sign the forms without a timestamp server.</source>
        <translation>Sign the forms without a timestamp server.</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="123" />
        <source>Your unit</source>
        <translation>Your unit</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="124" />
        <source>As written on your documents. The administrative code has 5 digits.</source>
        <translation>As written on your documents. The administrative code has 5 digits.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="126" />
        <source>Administrative &amp;code:</source>
        <translation>Administrative &amp;code:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="126" />
        <source>e.g. 10105</source>
        <translation>e.g. 10105</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="127" />
        <source>Unit &amp;name:</source>
        <translation>Unit &amp;name:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="127" />
        <source>e.g. Ủy ban nhân dân xã Tân Lập</source>
        <translation>e.g. Ủy ban nhân dân xã Tân Lập</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="128" />
        <source>&amp;Province:</source>
        <translation>&amp;Province:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="128" />
        <source>e.g. Tỉnh Phú Thọ</source>
        <translation>e.g. Tỉnh Phú Thọ</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="129" />
        <source>&amp;Leader's name:</source>
        <translation>&amp;Leader's name:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="129" />
        <source>who signs the submission</source>
        <translation>who signs the submission</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="130" />
        <source>Leader's &amp;title:</source>
        <translation>Leader's &amp;title:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="131" />
        <source>Place name for &amp;dates:</source>
        <translation>Place name for &amp;dates:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="131" />
        <source>e.g. Tân Lập</source>
        <translation>e.g. Tân Lập</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="132" />
        <source>&amp;Officer in charge:</source>
        <translation>&amp;Officer in charge:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="132" />
        <source>your name</source>
        <translation>your name</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="168" />
        <source>Done?</source>
        <translation>Done?</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="169" />
        <source>&amp;Yes</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="170" />
        <source>N&amp;o</source>
        <translation>N&amp;o</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="171" />
        <source>Yes, done</source>
        <translation>Yes, done</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="172" />
        <source>No, not done</source>
        <translation>No, not done</translation>
    </message>
</context>
</TS>
