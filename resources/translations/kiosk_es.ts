<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_US">
<context>
    <name></name>
    <message>
        <source>check box</source>
        <extracomment>pyside6-lupdate files a module-level ``tr(&quot;…&quot;)`` under the empty context, so the spoken words are looked up there (kiosk_es.ts, context &quot;&quot;). Enough like HTML for Qt&apos;s AutoText to render it as rich text. Labels that say an error (announced as it appears).</extracomment>
        <translation>casilla</translation>
    </message>
    <message>
        <source>option</source>
        <translation>opción</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>marcada</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>sin marcar</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>seleccionado</translation>
    </message>
    <message>
        <source>not selected</source>
        <translation>no seleccionado</translation>
    </message>
    <message>
        <source>button</source>
        <translation>botón</translation>
    </message>
    <message>
        <source>text box</source>
        <translation>cuadro de texto</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>oculto</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vacío</translation>
    </message>
    <message>
        <source>list</source>
        <translation>lista</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>pestaña</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>no disponible</translation>
    </message>
    <message>
        <source>Audio guidance is on. Press Tab or the arrow keys to move, Enter to choose, F1 or star to hear it again, plus or minus for the volume, Escape to stop speaking.</source>
        <translation>La guía por voz está activada. Pulse Tab o las flechas para moverse, Intro para elegir, F1 o asterisco para volver a escucharlo, más o menos para el volumen y Escape para dejar de hablar.</translation>
    </message>
    <message>
        <source>Audio guidance is off.</source>
        <translation>La guía por voz está desactivada.</translation>
    </message>
    <message>
        <source>Volume {percent} percent.</source>
        <translation>Volumen al {percent} por ciento.</translation>
    </message>
</context>
<context>
    <name>AccessibilityButtons</name>
    <message>
        <source>Large text</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <source>Audio guidance</source>
        <translation>Guía por voz</translation>
    </message>
    <message>
        <source>Aa</source>
        <extracomment>The large-text toggle&apos;s face: a letter pair, translatable where &quot;Aa&quot; means nothing.</extracomment>
        <translation>Aa</translation>
    </message>
</context>
<context>
    <name>ApiErrors</name>
    <message>
        <source>Your session has ended. Please start again.</source>
        <translation>Su sesión terminó. Por favor, comience de nuevo.</translation>
    </message>
    <message>
        <source>The clinic server took too long to answer.</source>
        <translation>El servidor de la clínica tardó demasiado en responder.</translation>
    </message>
    <message>
        <source>The kiosk could not reach the clinic server.</source>
        <translation>El quiosco no pudo comunicarse con el servidor de la clínica.</translation>
    </message>
    <message>
        <source>This action is not allowed.</source>
        <translation>Esta acción no está permitida.</translation>
    </message>
    <message>
        <source>That item could not be found.</source>
        <translation>No se encontró lo que buscaba.</translation>
    </message>
    <message>
        <source>The clinic server did not accept the request.</source>
        <translation>El servidor de la clínica no aceptó la solicitud.</translation>
    </message>
    <message>
        <source>The clinic&apos;s system is having a problem. Please try again in a moment.</source>
        <translation>El sistema de la clínica tiene un problema. Por favor, inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The file is too large to send.</source>
        <translation>El archivo es demasiado grande para enviarlo.</translation>
    </message>
    <message>
        <source>The clinic server sent an answer the kiosk could not read.</source>
        <translation>El servidor de la clínica envió una respuesta que el quiosco no pudo leer.</translation>
    </message>
    <message>
        <source>The file is too large to send (the limit is {limit} MB).</source>
        <extracomment>``meta.category`` values the doc lists.</extracomment>
        <translation>El archivo es demasiado grande para enviarlo (el límite es de {limit} MB).</translation>
    </message>
    <message>
        <source>That file could not be found.</source>
        <translation>No se encontró ese archivo.</translation>
    </message>
</context>
<context>
    <name>ArrayField</name>
    <message>
        <source>{field}: tap one to change it</source>
        <translation>{field}: toque una para cambiarla</translation>
    </message>
    <message>
        <source>Add to {field}</source>
        <translation>Agregar a {field}</translation>
    </message>
    <message>
        <source>Remove {item}</source>
        <translation>Quitar {item}</translation>
    </message>
    <message>
        <source>+  Add another</source>
        <translation>+  Agregar otro</translation>
    </message>
    <message>
        <source>+  Add one</source>
        <translation>+  Agregar uno</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Tap a line to change or remove it.</source>
        <extracomment>Height of one closed item&apos;s row (the theme&apos;s touch height plus its border).</extracomment>
        <translation>Toque una línea para cambiarla o quitarla.</translation>
    </message>
</context>
<context>
    <name>BookedScreen</name>
    <message>
        <source>You&apos;re booked</source>
        <translation>Su cita está programada</translation>
    </message>
    <message>
        <source>with {provider}</source>
        <translation>con {provider}</translation>
    </message>
    <message>
        <source>Scan to keep your appointment link on your phone</source>
        <translation>Escanee para guardar el enlace de su cita en su teléfono</translation>
    </message>
    <message>
        <source>Or type this link:</source>
        <translation>O escriba este enlace:</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Time to be confirmed</source>
        <translation>Hora por confirmar</translation>
    </message>
</context>
<context>
    <name>BusyOverlay</name>
    <message>
        <source>One moment…</source>
        <translation>Un momento…</translation>
    </message>
</context>
<context>
    <name>CalendarSection</name>
    <message>
        <source>Please choose a time.</source>
        <translation>Por favor, elija una hora.</translation>
    </message>
    <message>
        <source>No times are free on this day. Please choose another day.</source>
        <translation>No hay horarios libres este día. Por favor, elija otro día.</translation>
    </message>
    <message>
        <source>Finding free times…</source>
        <translation>Buscando horarios libres…</translation>
    </message>
</context>
<context>
    <name>CallScreen</name>
    <message>
        <source>Connecting you to your provider…</source>
        <translation>Conectándolo con su proveedor de salud…</translation>
    </message>
    <message>
        <source>End visit</source>
        <translation>Terminar la consulta</translation>
    </message>
    <message>
        <source>End the visit now?</source>
        <translation>¿Terminar la consulta ahora?</translation>
    </message>
    <message>
        <source>Yes, end visit</source>
        <translation>Sí, terminar</translation>
    </message>
    <message>
        <source>Keep talking</source>
        <translation>Seguir hablando</translation>
    </message>
    <message>
        <source>Switch camera</source>
        <translation>Cambiar cámara</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <source>{mark}  {text}</source>
        <extracomment>A toggle button&apos;s face: its tick box, then its words.</extracomment>
        <translation>{mark}  {text}</translation>
    </message>
    <message>
        <source>Choose all that apply.</source>
        <translation>Elija todas las que correspondan.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Please stay here. Your place in line is kept.</source>
        <translation>Por favor, quédese aquí. Usted conserva su lugar en la fila.</translation>
    </message>
    <message>
        <source>SANDBOX — not a real clinic</source>
        <translation>PRUEBA — no es una clínica real</translation>
    </message>
</context>
<context>
    <name>DateEntry</name>
    <message>
        <source>MM</source>
        <translation>MM</translation>
    </message>
    <message>
        <source>DD</source>
        <translation>DD</translation>
    </message>
    <message>
        <source>YYYY</source>
        <translation>AAAA</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>That date is in the future</source>
        <translation>Esa fecha es en el futuro</translation>
    </message>
    <message>
        <source>Check the month</source>
        <translation>Revise el mes</translation>
    </message>
    <message>
        <source>Check the day</source>
        <translation>Revise el día</translation>
    </message>
    <message>
        <source>Check the year</source>
        <translation>Revise el año</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>dddd, MMMM d</source>
        <extracomment>&quot;Sunday, November 29&quot; / &quot;domingo, 29 de noviembre&quot; (a QLocale date pattern).</extracomment>
        <translation>dddd, d &apos;de&apos; MMMM</translation>
    </message>
    <message>
        <source>MMM d</source>
        <extracomment>A day button: &quot;Mon&quot; over &quot;Nov 30&quot;.</extracomment>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
</context>
<context>
    <name>DeviceCheckSlot</name>
    <message>
        <source>Check camera and microphone</source>
        <extracomment>The face of the button that opens the check, the same on every screen that offers it.</extracomment>
        <translation>Revisar cámara y micrófono</translation>
    </message>
</context>
<context>
    <name>DocumentSection</name>
    <message>
        <source>This document is empty. Please ask at the front desk.</source>
        <translation>Este documento está vacío. Por favor, pregunte en la recepción.</translation>
    </message>
    <message>
        <source>Loading the document…</source>
        <translation>Cargando el documento…</translation>
    </message>
    <message>
        <source>Loading the terms…</source>
        <translation>Cargando los términos…</translation>
    </message>
    <message>
        <source>Please read and accept the terms of service.</source>
        <translation>Por favor, lea y acepte los términos del servicio.</translation>
    </message>
    <message>
        <source>View Terms</source>
        <translation>Ver los términos</translation>
    </message>
    <message>
        <source>Please tap “I Agree” to continue.</source>
        <translation>Por favor, toque “Acepto” para continuar.</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>I agree to receive care from this clinic by video visit, and I understand that the clinic will keep a record of this visit.</source>
        <extracomment>The link target the kiosk puts where ``waiting_room.consent`` says ``$link``: the section widget shows the terms inline when it is tapped (a kiosk has no browser to open). Said when the clinic gives neither a consent file nor a consent text (configurable).</extracomment>
        <translation>Acepto recibir atención de esta clínica por consulta de video y entiendo que la clínica guardará un registro de esta consulta.</translation>
    </message>
    <message>
        <source>The clinic&apos;s terms of use and privacy policy are available at the front desk. Please ask a member of staff if you would like a copy.</source>
        <extracomment>Said when the clinic&apos;s terms cannot be shown (configurable).</extracomment>
        <translation>Los términos de uso y la política de privacidad de la clínica están disponibles en la recepción. Si desea una copia, pídasela a un miembro del personal.</translation>
    </message>
    <message>
        <source>This document is not available on the kiosk.</source>
        <translation>Este documento no está disponible en el quiosco.</translation>
    </message>
    <message>
        <source>This document is empty.</source>
        <translation>Este documento está vacío.</translation>
    </message>
</context>
<context>
    <name>EmrListSection</name>
    <message>
        <source>Remove {item}</source>
        <translation>Quitar {item}</translation>
    </message>
    <message>
        <source>+ {term}</source>
        <translation>+ {term}</translation>
    </message>
    <message>
        <source>Nothing to report</source>
        <translation>Nada que informar</translation>
    </message>
    <message>
        <source>Loading your health record…</source>
        <translation>Cargando su historial médico…</translation>
    </message>
    <message>
        <source>Type to add</source>
        <translation>Escriba para agregar</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Common answers — tap to add:</source>
        <translation>Respuestas comunes — toque para agregar:</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>EmrSuggestions</name>
    <message>
        <source>Asthma</source>
        <extracomment>Common answers offered as one-tap chips; the patient may type anything else. Marked for translation: a chip adds the term in the language the patient reads, as typing would.</extracomment>
        <translation>Asma</translation>
    </message>
    <message>
        <source>Diabetes</source>
        <translation>Diabetes</translation>
    </message>
    <message>
        <source>High blood pressure</source>
        <translation>Presión alta</translation>
    </message>
    <message>
        <source>Heart disease</source>
        <translation>Enfermedad del corazón</translation>
    </message>
    <message>
        <source>High cholesterol</source>
        <translation>Colesterol alto</translation>
    </message>
    <message>
        <source>Depression</source>
        <translation>Depresión</translation>
    </message>
    <message>
        <source>Thyroid problem</source>
        <translation>Problema de tiroides</translation>
    </message>
    <message>
        <source>Arthritis</source>
        <translation>Artritis</translation>
    </message>
    <message>
        <source>Appendix removed</source>
        <translation>Me quitaron el apéndice</translation>
    </message>
    <message>
        <source>Gallbladder removed</source>
        <translation>Me quitaron la vesícula</translation>
    </message>
    <message>
        <source>C-section</source>
        <translation>Cesárea</translation>
    </message>
    <message>
        <source>Tonsils removed</source>
        <translation>Me quitaron las amígdalas</translation>
    </message>
    <message>
        <source>Knee surgery</source>
        <translation>Cirugía de rodilla</translation>
    </message>
    <message>
        <source>Hernia repair</source>
        <translation>Operación de hernia</translation>
    </message>
    <message>
        <source>Heart surgery</source>
        <translation>Cirugía del corazón</translation>
    </message>
    <message>
        <source>Ibuprofen</source>
        <translation>Ibuprofeno</translation>
    </message>
    <message>
        <source>Acetaminophen (Tylenol)</source>
        <translation>Acetaminofén (Tylenol)</translation>
    </message>
    <message>
        <source>Aspirin</source>
        <translation>Aspirina</translation>
    </message>
    <message>
        <source>Metformin</source>
        <translation>Metformina</translation>
    </message>
    <message>
        <source>Lisinopril</source>
        <translation>Lisinopril</translation>
    </message>
    <message>
        <source>Atorvastatin</source>
        <translation>Atorvastatina</translation>
    </message>
    <message>
        <source>Levothyroxine</source>
        <translation>Levotiroxina</translation>
    </message>
    <message>
        <source>Birth control pill</source>
        <translation>Pastilla anticonceptiva</translation>
    </message>
    <message>
        <source>Penicillin</source>
        <translation>Penicilina</translation>
    </message>
    <message>
        <source>Sulfa drugs</source>
        <translation>Medicamentos con sulfa</translation>
    </message>
    <message>
        <source>Latex</source>
        <translation>Látex</translation>
    </message>
    <message>
        <source>Peanuts</source>
        <translation>Cacahuates (maní)</translation>
    </message>
    <message>
        <source>Shellfish</source>
        <translation>Mariscos</translation>
    </message>
    <message>
        <source>Pollen</source>
        <translation>Polen</translation>
    </message>
    <message>
        <source>Bee stings</source>
        <translation>Picaduras de abeja</translation>
    </message>
</context>
<context>
    <name>ErrorPanel</name>
    <message>
        <source>Sorry, that didn&apos;t work</source>
        <translation>Lo sentimos, no funcionó</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <source>{title}  (optional)</source>
        <extracomment>Shown before every error message, so an error is not told by colour alone. A question the patient may leave blank: the clinic&apos;s title and this mark.</extracomment>
        <translation>{title}  (opcional)</translation>
    </message>
    <message>
        <source>Problem</source>
        <extracomment>Whether the field shows its own title row (False for a toggle that carries the title). What the patient types here: ``text``, ``email``, ``number``, ``phone``, ``url``, ``date``, ``time`` or ``none`` (no typing). Set as the ``inputKind`` property of `focus_widget` so an on-screen keyboard can pick its layout.</extracomment>
        <translation>Problema</translation>
    </message>
</context>
<context>
    <name>GoodbyeScreen</name>
    <message>
        <source>Thank you</source>
        <translation>Gracias</translation>
    </message>
    <message>
        <source>Take care. You can leave the kiosk now.</source>
        <translation>Cuídese. Ya puede retirarse del quiosco.</translation>
    </message>
    <message>
        <source>This screen will reset in {seconds} seconds.</source>
        <translation>Esta pantalla se reiniciará en {seconds} segundos.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>HelpField</name>
    <message>
        <source>This question can&apos;t be answered on the kiosk — staff will ask you at the visit.</source>
        <translation>Esta pregunta no se puede contestar en el quiosco — el personal se la hará en la consulta.</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <source>Tell us who you are</source>
        <translation>Díganos quién es usted</translation>
    </message>
    <message>
        <source>We use this to find you in the clinic&apos;s records and to call you in.</source>
        <translation>Usamos estos datos para encontrarlo en los registros de la clínica y para llamarlo.</translation>
    </message>
    <message>
        <source>Sign in with your patient code</source>
        <translation>Inicie sesión con su código de paciente</translation>
    </message>
    <message>
        <source>Type the code the clinic gave you, and your name.</source>
        <translation>Escriba el código que le dio la clínica y su nombre.</translation>
    </message>
    <message>
        <source>{title}  ({order})</source>
        <translation>{title}  ({order})</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>I have a patient code</source>
        <translation>Tengo un código de paciente</translation>
    </message>
    <message>
        <source>I don&apos;t have a code</source>
        <translation>No tengo código</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Patient code</source>
        <translation>Código de paciente</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Hide</source>
        <extracomment>Long-press alternatives (lower case; Shift makes them upper case).</extracomment>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>space</source>
        <translation>espacio</translation>
    </message>
</context>
<context>
    <name>LineField</name>
    <message>
        <source>Show</source>
        <extracomment>Field kind → the on-screen keyboard layout it wants (see `FieldWidget.input_kind`).</extracomment>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Mostrar la contraseña</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
</context>
<context>
    <name>LoadPanel</name>
    <message>
        <source>We couldn&apos;t load this just now.</source>
        <translation>No pudimos cargar esto en este momento.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
</context>
<context>
    <name>LoungeStrip</name>
    <message>
        <source>You are already in line. You can answer these questions while you wait.</source>
        <translation>Usted ya está en la fila. Puede contestar estas preguntas mientras espera.</translation>
    </message>
</context>
<context>
    <name>MomentField</name>
    <message>
        <source>AM</source>
        <extracomment>What the AM / PM buttons read (the stored value stays &quot;AM&quot;/&quot;PM&quot;).</extracomment>
        <translation>a. m.</translation>
    </message>
    <message>
        <source>PM</source>
        <translation>p. m.</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>Minuto</translation>
    </message>
    <message>
        <source>Morning or afternoon</source>
        <translation>Mañana o tarde</translation>
    </message>
</context>
<context>
    <name>NoticeSection</name>
    <message>
        <source>If this is an emergency, call 911</source>
        <translation>Si es una emergencia, llame al 911</translation>
    </message>
    <message>
        <source>If this is an emergency, call 911 or go to the nearest emergency department now. Please tell the front desk right away if you feel worse while you wait.</source>
        <translation>Si es una emergencia, llame al 911 o vaya ahora a la sala de emergencias más cercana. Si se siente peor mientras espera, avísele de inmediato a la recepción.</translation>
    </message>
</context>
<context>
    <name>PharmacySection</name>
    <message>
        <source>Loading pharmacies…</source>
        <translation>Cargando farmacias…</translation>
    </message>
    <message>
        <source>No pharmacies are on file. Staff can help you choose one at the visit.</source>
        <translation>No hay farmacias registradas. El personal puede ayudarle a elegir una en la consulta.</translation>
    </message>
    <message>
        <source>Search by name, street or city</source>
        <translation>Busque por nombre, calle o ciudad</translation>
    </message>
</context>
<context>
    <name>PhotoCapture</name>
    <message>
        <source>Take photo</source>
        <translation>Tomar foto</translation>
    </message>
    <message>
        <source>Retake</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>Use this photo</source>
        <translation>Usar esta foto</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The camera is starting. Try again in a moment.</source>
        <translation>La cámara se está encendiendo. Inténtelo de nuevo en un momento.</translation>
    </message>
</context>
<context>
    <name>ReadyPrompt</name>
    <message>
        <source>{name} is ready to see you</source>
        <translation>{name} está listo para atenderlo</translation>
    </message>
    <message>
        <source>Your provider is ready to see you</source>
        <translation>Su proveedor de salud está listo para atenderlo</translation>
    </message>
    <message>
        <source>The answers you have given so far have been sent. The remaining questions can wait.</source>
        <translation>Las respuestas que ya dio se enviaron. Las demás preguntas pueden esperar.</translation>
    </message>
    <message>
        <source>Join now</source>
        <translation>Entrar ahora</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Entrando…</translation>
    </message>
</context>
<context>
    <name>ResetScreen</name>
    <message>
        <source>Something went wrong — starting over</source>
        <translation>Algo salió mal — empezando de nuevo</translation>
    </message>
    <message>
        <source>Sorry about that. Nothing you did caused this. The kiosk is getting ready again.</source>
        <translation>Lo sentimos. Usted no hizo nada malo. El quiosco se está preparando de nuevo.</translation>
    </message>
    <message>
        <source>Reference: {incident}</source>
        <translation>Referencia: {incident}</translation>
    </message>
    <message>
        <source>Start again</source>
        <extracomment>The button is the screen&apos;s one action: as tall as Welcome&apos;s &quot;Check in&quot;, not a small chip.</extracomment>
        <translation>Empezar de nuevo</translation>
    </message>
</context>
<context>
    <name>RoomChoice</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
</context>
<context>
    <name>RoomClosedScreen</name>
    <message>
        <source>This waiting room is closed right now</source>
        <translation>Esta sala de espera está cerrada en este momento</translation>
    </message>
    <message>
        <source>Please check back later, or ask the front desk for help.</source>
        <translation>Por favor, vuelva más tarde o pida ayuda en la recepción.</translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation>Volver al inicio</translation>
    </message>
</context>
<context>
    <name>RoomPickerScreen</name>
    <message>
        <source>Which clinic would you like to see?</source>
        <translation>¿A qué clínica desea ir?</translation>
    </message>
    <message>
        <source>Tap the one you came for.</source>
        <translation>Toque la clínica a la que vino.</translation>
    </message>
</context>
<context>
    <name>ScaleBar</name>
    <message>
        <source>none</source>
        <extracomment>A scale with at most this many steps is a row of buttons; longer scales are a slider.</extracomment>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Chosen: {label}</source>
        <translation>Elegido: {label}</translation>
    </message>
    <message>
        <source>Your answer: {value} of {top}</source>
        <translation>Su respuesta: {value} de {top}</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Escala</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>Sin responder todavía</translation>
    </message>
</context>
<context>
    <name>ScrollColumn</name>
    <message>
        <source>Page</source>
        <extracomment>Width of the floating scroll bar and its gap from the window&apos;s right edge (px). The content keeps a wider side margin than this, so the bar never covers it. A field&apos;s block (label, box, error) is its parent while that is at most this share of the visible area; a taller parent is the form, and only the box itself is scrolled to. Space kept around a field scrolled into view (px).</extracomment>
        <translation>Página</translation>
    </message>
</context>
<context>
    <name>SearchList</name>
    <message>
        <source>Chosen: {item}</source>
        <translation>Elegido: {item}</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Nothing matches. Try fewer letters.</source>
        <translation>No hay resultados. Pruebe con menos letras.</translation>
    </message>
    <message>
        <source>Type to search</source>
        <extracomment>Marks in front of a single-choice button, so even a lone option reads as a choice to tap (a bare full-width button looked like a text box).</extracomment>
        <translation>Escriba para buscar</translation>
    </message>
</context>
<context>
    <name>SessionErrors</name>
    <message>
        <source>The kiosk cannot reach the clinic right now. Please try again in a moment.</source>
        <extracomment>Shown for network trouble, where the client has no server text to pass on.</extracomment>
        <translation>El quiosco no puede comunicarse con la clínica en este momento. Por favor, inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Sorry, something went wrong on this kiosk. Please start again.</source>
        <extracomment>Shown when something unexpected broke inside the kiosk; the session then starts over.</extracomment>
        <translation>Lo sentimos, algo salió mal en este quiosco. Por favor, comience de nuevo.</translation>
    </message>
    <message>
        <source>Sorry, the video call stopped unexpectedly. If you still need to see a provider, please check in again or see the front desk.</source>
        <extracomment>Shown (on Welcome, after the wipe) when the call page&apos;s render process died mid-call.</extracomment>
        <translation>Lo sentimos, la videollamada se detuvo de forma inesperada. Si todavía necesita ver a un proveedor de salud, regístrese otra vez o acuda a la recepción.</translation>
    </message>
</context>
<context>
    <name>SessionMessages</name>
    <message>
        <source>The clinic has ended this visit. If you still need care, please ask the front desk.</source>
        <extracomment>Said when the clinic cancels (40) a walk-in before the call.</extracomment>
        <translation>La clínica terminó esta consulta. Si todavía necesita atención, por favor pregunte en la recepción.</translation>
    </message>
    <message>
        <source>This kiosk has no waiting room set up. Please ask the front desk for help.</source>
        <translation>Este quiosco no tiene una sala de espera configurada. Por favor, pida ayuda en la recepción.</translation>
    </message>
    <message>
        <source>This waiting room is not taking visits right now.</source>
        <translation>Esta sala de espera no está recibiendo consultas en este momento.</translation>
    </message>
    <message>
        <source>This waiting room is closed right now. Please check back later.</source>
        <translation>Esta sala de espera está cerrada en este momento. Por favor, vuelva más tarde.</translation>
    </message>
    <message>
        <source>We are sorry: the wait has become too long, so this visit was closed. Please ask the front desk for help, or start again later.</source>
        <translation>Lo sentimos: la espera se hizo demasiado larga y esta consulta se cerró. Por favor, pida ayuda en la recepción o vuelva a empezar más tarde.</translation>
    </message>
    <message>
        <source>Please choose a waiting room first.</source>
        <extracomment>What ``go_back`` leaves to the session: nothing (done here), a new start, or signing out. The clinic&apos;s account as fetched at start-up (the app&apos;s ``ClinicLoader``), so each patient&apos;s start does not fetch ``GET /accounts/:code`` again; None = fetch. Join now was tapped while a step was being sent: join once it is.</extracomment>
        <translation>Por favor, elija primero una sala de espera.</translation>
    </message>
    <message>
        <source>There is no question on screen to answer.</source>
        <translation>No hay ninguna pregunta en la pantalla para contestar.</translation>
    </message>
    <message>
        <source>Signing in with a patient code is not available on this kiosk.</source>
        <translation>En este quiosco no se puede iniciar sesión con un código de paciente.</translation>
    </message>
    <message>
        <source>Getting things ready…</source>
        <extracomment>This patient&apos;s large text, audio guidance and volume; the wipe resets them. This patient&apos;s language; the UI follows ``language.changed``, the wipe resets it.</extracomment>
        <translation>Preparando todo…</translation>
    </message>
    <message>
        <source>Opening the waiting room…</source>
        <translation>Abriendo la sala de espera…</translation>
    </message>
    <message>
        <source>Signing you in…</source>
        <translation>Iniciando su sesión…</translation>
    </message>
    <message>
        <source>Saving your answers…</source>
        <translation>Guardando sus respuestas…</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>Un momento…</translation>
    </message>
    <message>
        <source>Joining your visit…</source>
        <translation>Entrando a su consulta…</translation>
    </message>
    <message>
        <source>Ending the call…</source>
        <translation>Terminando la llamada…</translation>
    </message>
    <message>
        <source>Closing your visit…</source>
        <translation>Cerrando su consulta…</translation>
    </message>
    <message>
        <source>Finishing up…</source>
        <translation>Terminando…</translation>
    </message>
    <message>
        <source>Please choose a time for your appointment.</source>
        <translation>Por favor, elija una hora para su cita.</translation>
    </message>
</context>
<context>
    <name>StepHeadings</name>
    <message>
        <source>Medical history</source>
        <extracomment>Readable names for the step codes VSee accounts use.</extracomment>
        <translation>Historial médico</translation>
    </message>
    <message>
        <source>About your visit</source>
        <translation>Sobre su consulta</translation>
    </message>
    <message>
        <source>Your pharmacy</source>
        <translation>Su farmacia</translation>
    </message>
    <message>
        <source>Your feedback</source>
        <translation>Su opinión</translation>
    </message>
    <message>
        <source>When would you like to be seen?</source>
        <translation>¿Cuándo desea que lo atiendan?</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>Elija una hora</translation>
    </message>
    <message>
        <source>Let&apos;s find your record</source>
        <translation>Busquemos su expediente</translation>
    </message>
    <message>
        <source>Check your email</source>
        <translation>Revise su correo electrónico</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Su cuenta</translation>
    </message>
    <message>
        <source>Terms of service</source>
        <translation>Términos del servicio</translation>
    </message>
</context>
<context>
    <name>StepHost</name>
    <message>
        <source>Back to my questions</source>
        <translation>Volver a mis preguntas</translation>
    </message>
</context>
<context>
    <name>StepView</name>
    <message>
        <source>Nothing to fill in here. Tap {next} to continue.</source>
        <extracomment>The post-call group: its first step has nowhere to go back to (the call is over).</extracomment>
        <translation>Aquí no hay nada que llenar. Toque {next} para continuar.</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>Espere, por favor…</translation>
    </message>
    <message>
        <source>1 answer needs your attention.</source>
        <translation>1 respuesta necesita su atención.</translation>
    </message>
    <message>
        <source>{count} answers need your attention.</source>
        <translation>{count} respuestas necesitan su atención.</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>Paso {number} de {total}</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
</context>
<context>
    <name>StillThereScreen</name>
    <message>
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>Sigo aquí</translation>
    </message>
    <message>
        <source>I&apos;m done — start over</source>
        <translation>Ya terminé — empezar de nuevo</translation>
    </message>
    <message>
        <source>To keep your information private, this kiosk will start over in 1 second.</source>
        <translation>Para proteger su información, este quiosco volverá a empezar en 1 segundo.</translation>
    </message>
    <message>
        <source>To keep your information private, this kiosk will start over in {seconds} seconds.</source>
        <translation>Para proteger su información, este quiosco volverá a empezar en {seconds} segundos.</translation>
    </message>
</context>
<context>
    <name>SurveySection</name>
    <message>
        <source>How easy was it to check in today?</source>
        <translation>¿Qué tan fácil fue registrarse hoy?</translation>
    </message>
    <message>
        <source>How was your visit today?</source>
        <translation>¿Cómo fue su consulta hoy?</translation>
    </message>
    <message>
        <source>How did we do today?</source>
        <translation>¿Cómo lo atendimos hoy?</translation>
    </message>
    <message>
        <source>{stars}
{word}</source>
        <translation>{stars}
{word}</translation>
    </message>
    <message>
        <source>{value} of 5, {word}</source>
        <translation>{value} de 5, {word}</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Mala</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Regular</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Muy buena</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Excelente</translation>
    </message>
    <message>
        <source>Please choose a rating from 1 to 5.</source>
        <translation>Por favor, elija una calificación del 1 al 5.</translation>
    </message>
    <message>
        <source>Anything else you&apos;d like to tell us?  (optional)</source>
        <translation>¿Algo más que quiera decirnos?  (opcional)</translation>
    </message>
    <message>
        <source>Your comment</source>
        <translation>Su comentario</translation>
    </message>
</context>
<context>
    <name>UploadRow</name>
    <message>
        <source>Remove {name}</source>
        <translation>Quitar {name}</translation>
    </message>
    <message>
        <source>This picture can no longer be opened.</source>
        <translation>Ya no se puede abrir esta foto.</translation>
    </message>
    <message>
        <source>This picture is too large to send (limit {limit} MB).</source>
        <translation>Esta foto es demasiado grande para enviarla (límite de {limit} MB).</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
</context>
<context>
    <name>UploadSection</name>
    <message>
        <source>There are no pictures on this kiosk yet. You can skip this and tap Next.</source>
        <translation>Todavía no hay fotos en este quiosco. Puede omitir este paso y tocar Siguiente.</translation>
    </message>
    <message>
        <source>Take a photo with the kiosk&apos;s camera, or skip this and tap Next.</source>
        <translation>Tome una foto con la cámara del quiosco, o omita este paso y toque Siguiente.</translation>
    </message>
    <message>
        <source>Take a photo</source>
        <translation>Tomar una foto</translation>
    </message>
    <message>
        <source>The camera can&apos;t be used right now</source>
        <translation>No se puede usar la cámara en este momento</translation>
    </message>
    <message>
        <source>Please wait until your pictures have finished sending.</source>
        <translation>Por favor, espere a que terminen de enviarse sus fotos.</translation>
    </message>
    <message>
        <source>Tap a picture to attach it.</source>
        <translation>Toque una foto para adjuntarla.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Please fill this in.</source>
        <extracomment>A phone number has this many digits at least (a local number) and at most (E.164). Suffixes that mark a &quot;type it again&quot; field; its value must equal the field it repeats.</extracomment>
        <translation>Por favor, complete este dato.</translation>
    </message>
    <message>
        <source>Please choose an answer.</source>
        <translation>Por favor, elija una respuesta.</translation>
    </message>
    <message>
        <source>Please choose at least one.</source>
        <translation>Por favor, elija al menos una.</translation>
    </message>
    <message>
        <source>Please tick this box to continue.</source>
        <translation>Por favor, marque esta casilla para continuar.</translation>
    </message>
    <message>
        <source>Please choose one of the options shown.</source>
        <translation>Por favor, elija una de las opciones que se muestran.</translation>
    </message>
    <message>
        <source>Please use digits only.</source>
        <translation>Por favor, use solo números.</translation>
    </message>
    <message>
        <source>Please enter a number.</source>
        <translation>Por favor, escriba un número.</translation>
    </message>
    <message>
        <source>Please enter an email address like name@example.com.</source>
        <translation>Por favor, escriba un correo electrónico como nombre@ejemplo.com.</translation>
    </message>
    <message>
        <source>Please choose a full date.</source>
        <translation>Por favor, elija una fecha completa.</translation>
    </message>
    <message>
        <source>This date is in the future. Please check it.</source>
        <translation>Esta fecha es en el futuro. Por favor, revísela.</translation>
    </message>
    <message>
        <source>This doesn&apos;t look right. Please check it.</source>
        <translation>Esto no parece correcto. Por favor, revíselo.</translation>
    </message>
    <message>
        <source>The two entries do not match. Please type them again.</source>
        <translation>Los dos datos no coinciden. Por favor, escríbalos de nuevo.</translation>
    </message>
    <message>
        <source>Please enter a phone number, with the area code.</source>
        <translation>Por favor, escriba un número de teléfono con el código de área.</translation>
    </message>
    <message>
        <source>Please enter a web address like example.com.</source>
        <translation>Por favor, escriba una dirección web como ejemplo.com.</translation>
    </message>
    <message>
        <source>Please choose a time.</source>
        <translation>Por favor, elija una hora.</translation>
    </message>
    <message>
        <source>Please choose a date and a time.</source>
        <translation>Por favor, elija una fecha y una hora.</translation>
    </message>
    <message>
        <source>Please add at least one.</source>
        <translation>Por favor, agregue al menos uno.</translation>
    </message>
    <message>
        <source>Please add at least {count}.</source>
        <translation>Por favor, agregue al menos {count}.</translation>
    </message>
    <message>
        <source>Please list at most {count}.</source>
        <translation>Por favor, anote {count} como máximo.</translation>
    </message>
    <message>
        <source>Please enter a number above {number}.</source>
        <translation>Por favor, escriba un número mayor que {number}.</translation>
    </message>
    <message>
        <source>Please enter {number} or more.</source>
        <translation>Por favor, escriba {number} o más.</translation>
    </message>
    <message>
        <source>Please enter a number below {number}.</source>
        <translation>Por favor, escriba un número menor que {number}.</translation>
    </message>
    <message>
        <source>Please enter {number} or less.</source>
        <translation>Por favor, escriba {number} o menos.</translation>
    </message>
    <message>
        <source>Please use at most {count} characters.</source>
        <translation>Por favor, use {count} caracteres como máximo.</translation>
    </message>
    <message>
        <source>Please use at least {count} characters.</source>
        <translation>Por favor, use al menos {count} caracteres.</translation>
    </message>
    <message>
        <source>Please check the answers in this list.</source>
        <translation>Por favor, revise las respuestas de esta lista.</translation>
    </message>
</context>
<context>
    <name>VisitTypeSection</name>
    <message>
        <source>See a doctor now</source>
        <translation>Ver a un médico ahora</translation>
    </message>
    <message>
        <source>Wait in the virtual lounge for the next available doctor.</source>
        <translation>Espere en la sala virtual al próximo médico disponible.</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>Hacer una cita</translation>
    </message>
    <message>
        <source>Pick a day and time that suits you.</source>
        <translation>Elija el día y la hora que le convengan.</translation>
    </message>
    <message>
        <source>Please choose one of the options.</source>
        <translation>Por favor, elija una de las opciones.</translation>
    </message>
    <message>
        <source>No visits can be started from the kiosk right now. Please ask at the front desk.</source>
        <translation>En este momento no se pueden iniciar consultas desde el quiosco. Por favor, pregunte en la recepción.</translation>
    </message>
</context>
<context>
    <name>WaitingRoomScreen</name>
    <message>
        <source>You&apos;re next</source>
        <translation>Usted es el siguiente</translation>
    </message>
    <message>
        <source>You are in line</source>
        <translation>Usted está en la fila</translation>
    </message>
    <message>
        <source>You are number {position} in line</source>
        <translation>Usted es el número {position} en la fila</translation>
    </message>
    <message>
        <source>A provider will be with you soon</source>
        <translation>Un proveedor de salud lo atenderá pronto</translation>
    </message>
    <message>
        <source>Any moment now</source>
        <translation>En cualquier momento</translation>
    </message>
    <message>
        <source>About 1 minute</source>
        <translation>Aproximadamente 1 minuto</translation>
    </message>
    <message>
        <source>About {minutes} minutes</source>
        <translation>Aproximadamente {minutes} minutos</translation>
    </message>
    <message>
        <source>More than an hour</source>
        <translation>Más de una hora</translation>
    </message>
    <message>
        <source>1 person waiting</source>
        <translation>1 persona esperando</translation>
    </message>
    <message>
        <source>{count} people waiting</source>
        <translation>{count} personas esperando</translation>
    </message>
    <message>
        <source>No one else is waiting</source>
        <translation>No hay nadie más esperando</translation>
    </message>
    <message>
        <source>1 other person waiting</source>
        <translation>1 persona más esperando</translation>
    </message>
    <message>
        <source>{count} other people waiting</source>
        <translation>{count} personas más esperando</translation>
    </message>
    <message>
        <source>You have waited about 1 minute</source>
        <translation>Ha esperado aproximadamente 1 minuto</translation>
    </message>
    <message>
        <source>You have waited about {minutes} minutes</source>
        <translation>Ha esperado aproximadamente {minutes} minutos</translation>
    </message>
    <message>
        <source>You joined the line just now</source>
        <translation>Acaba de entrar a la fila</translation>
    </message>
    <message>
        <source>The provider will call you shortly</source>
        <translation>El proveedor de salud lo llamará en breve</translation>
    </message>
    <message>
        <source>Please stay here. A provider will call you on this screen.</source>
        <translation>Por favor, quédese aquí. Un proveedor de salud lo llamará en esta pantalla.</translation>
    </message>
    <message>
        <source>Reconnecting… you keep your place in line</source>
        <translation>Reconectando… usted conserva su lugar en la fila</translation>
    </message>
    <message>
        <source>Leave waiting room</source>
        <translation>Salir de la sala de espera</translation>
    </message>
    <message>
        <source>Leave the waiting room? You will lose your place in line.</source>
        <translation>¿Salir de la sala de espera? Perderá su lugar en la fila.</translation>
    </message>
    <message>
        <source>Stay in line</source>
        <translation>Seguir en la fila</translation>
    </message>
    <message>
        <source>Yes, leave</source>
        <translation>Sí, salir</translation>
    </message>
    <message>
        <source>Back to the waiting room</source>
        <translation>Volver a la sala de espera</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenidos</translation>
    </message>
    <message>
        <source>Welcome to {clinic}</source>
        <translation>Bienvenidos a {clinic}</translation>
    </message>
    <message>
        <source>Check in here to see a provider by video.</source>
        <translation>Regístrese aquí para ver a un proveedor de salud por video.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Registrarse</translation>
    </message>
    <message>
        <source>I have a patient code</source>
        <translation>Tengo un código de paciente</translation>
    </message>
    <message>
        <source>This kiosk is out of service — please see the front desk</source>
        <extracomment>What Welcome says instead of its invitation while the kiosk is out of service.</extracomment>
        <translation>Este quiosco está fuera de servicio — por favor, acuda a la recepción</translation>
    </message>
    <message>
        <source>It will be back by itself as soon as it can.</source>
        <translation>Volverá a funcionar por sí solo lo antes posible.</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
</context>
<context>
    <name>_TextInput</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
</context>
</TS>
